package org.envmon.sinks.influx.write;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings of the InfluxDB 1.x writer ({@code POST /write?db=..&rp=..&precision=ms}).
 * Build with {@link #builder()}; {@link #toString()} never shows the password.
 */
public final class InfluxV1Options {
  private final URI url;
  private final String database;
  private final String retentionPolicy;
  private final String username;
  private final Secret password;
  private final Duration timeout;
  private final boolean gzip;

  private InfluxV1Options(Builder b) {
    this.url = b.url;
    this.database = b.database;
    this.retentionPolicy = b.retentionPolicy;
    this.username = b.username;
    this.password = b.password;
    this.timeout = b.timeout;
    this.gzip = b.gzip;
  }

  public static Builder builder() {
    return new Builder();
  }

  public URI url() {
    return url;
  }

  public String database() {
    return database;
  }

  public Optional<String> retentionPolicy() {
    return Optional.ofNullable(retentionPolicy);
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  public Optional<Secret> password() {
    return Optional.ofNullable(password);
  }

  public Duration timeout() {
    return timeout;
  }

  public boolean gzip() {
    return gzip;
  }

  @Override
  public String toString() {
    return "InfluxV1Options{url=" + url + ", database=" + database + ", retentionPolicy="
        + retentionPolicy + ", username=" + username + ", password="
        + (password == null ? "none" : password) + ", timeout=" + timeout + ", gzip=" + gzip + "}";
  }

  /** Validating builder: {@link #build()} fails naming the setting that is wrong. */
  public static final class Builder {
    private URI url;
    private String database;
    private String retentionPolicy;
    private String username;
    private Secret password;
    private Duration timeout = Duration.ofSeconds(30);
    private boolean gzip = true;

    private Builder() {}

    public Builder url(String url) {
      this.url = URI.create(Objects.requireNonNull(url, "url"));
      return this;
    }

    public Builder database(String database) {
      this.database = database;
      return this;
    }

    /** Optional; the database's default retention policy when unset. */
    public Builder retentionPolicy(String retentionPolicy) {
      this.retentionPolicy = retentionPolicy;
      return this;
    }

    /** Basic-auth credentials; leave unset when InfluxDB runs without authentication. */
    public Builder credentials(String username, Secret password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = Objects.requireNonNull(password, "password");
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

    public InfluxV1Options build() {
      WriterOptionChecks.requireHttpUrl(url);
      if (database == null || database.isBlank()) {
        throw new IllegalArgumentException("InfluxDB 1.x database is not set; pass the name of an"
            + " existing database (CREATE DATABASE envmon)");
      }
      if (retentionPolicy != null && retentionPolicy.isBlank()) {
        retentionPolicy = null;
      }
      WriterOptionChecks.requirePositive("timeout", timeout);
      return new InfluxV1Options(this);
    }
  }
}
