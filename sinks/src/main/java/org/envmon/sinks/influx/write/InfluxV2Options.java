package org.envmon.sinks.influx.write;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of the InfluxDB 2.x writer (influxdb-client-java, {@code /api/v2/write}).
 * Build with {@link #builder()}; {@link #toString()} never shows the token.
 */
public final class InfluxV2Options {
  private final URI url;
  private final String org;
  private final String bucket;
  private final Secret token;
  private final Duration timeout;
  private final boolean gzip;

  private InfluxV2Options(Builder b) {
    this.url = b.url;
    this.org = b.org;
    this.bucket = b.bucket;
    this.token = b.token;
    this.timeout = b.timeout;
    this.gzip = b.gzip;
  }

  public static Builder builder() {
    return new Builder();
  }

  public URI url() {
    return url;
  }

  public String org() {
    return org;
  }

  public String bucket() {
    return bucket;
  }

  public Secret token() {
    return token;
  }

  public Duration timeout() {
    return timeout;
  }

  public boolean gzip() {
    return gzip;
  }

  @Override
  public String toString() {
    return "InfluxV2Options{url=" + url + ", org=" + org + ", bucket=" + bucket + ", token="
        + token + ", timeout=" + timeout + ", gzip=" + gzip + "}";
  }

  /** Validating builder: {@link #build()} fails naming the setting that is wrong. */
  public static final class Builder {
    private URI url;
    private String org;
    private String bucket;
    private Secret token;
    private Duration timeout = Duration.ofSeconds(30);
    private boolean gzip = true;

    private Builder() {}

    public Builder url(String url) {
      this.url = URI.create(Objects.requireNonNull(url, "url"));
      return this;
    }

    public Builder org(String org) {
      this.org = org;
      return this;
    }

    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    /** The API token; use {@link Secret#fromEnv} or {@link Secret#fromFile}. */
    public Builder token(Secret token) {
      this.token = token;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder gzip(boolean gzip) {
      this.gzip = gzip;
      return this;
    }

    public InfluxV2Options build() {
      WriterOptionChecks.requireHttpUrl(url);
      if (org == null || org.isBlank()) {
        throw new IllegalArgumentException("InfluxDB 2.x org is not set; pass the organisation name");
      }
      if (bucket == null || bucket.isBlank()) {
        throw new IllegalArgumentException("InfluxDB 2.x bucket is not set; pass the bucket name"
            + " (with 1.x compatibility: database/retention-policy)");
      }
      if (token == null) {
        throw new IllegalArgumentException("InfluxDB 2.x token is not set; read it with"
            + " Secret.fromEnv(\"INFLUX_TOKEN\") or Secret.fromFile(path)");
      }
      WriterOptionChecks.requirePositive("timeout", timeout);
      return new InfluxV2Options(this);
    }
  }
}
