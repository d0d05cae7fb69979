package org.envmon.sinks.influx.write;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.envmon.sinks.influx.point.LinePoint;

/** Writes through the InfluxDB 1.x API: {@code POST /write?db=..&rp=..&precision=ms}, basic auth. */
public final class InfluxV1Writer implements InfluxWriter {
  private final InfluxV1Options options;
  private final HttpClient http;
  private final URI writeUri;
  /** The buffers of the last acknowledged batch, for the next one (null while a write holds them). */
  private final AtomicReference<LineBatch> spare = new AtomicReference<>();

  public InfluxV1Writer(InfluxV1Options options) {
    this.options = options;
    this.http = HttpClient.newBuilder().connectTimeout(options.timeout()).build();
    StringBuilder query = new StringBuilder("db=").append(encode(options.database()));
    options.retentionPolicy().ifPresent(rp -> query.append("&rp=").append(encode(rp)));
    query.append("&precision=ms");
    this.writeUri = URI.create(options.url().toString().replaceAll("/+$", "") + "/write?" + query);
  }

  @Override
  public void write(List<LinePoint> points) throws InfluxWriteException {
    if (points.isEmpty()) {
      return;
    }
    LineBatch batch = spare.getAndSet(null);
    if (batch == null) {
      batch = new LineBatch(points.size() * 160);
    }
    batch.render(points);
    HttpRequest.Builder request = HttpRequest.newBuilder(writeUri)
        .timeout(options.timeout())
        .header("Content-Type", "text/plain; charset=utf-8");
    if (options.gzip()) {
      request.POST(HttpRequest.BodyPublishers.ofByteArray(batch.gzip(), 0, batch.gzippedSize()))
          .header("Content-Encoding", "gzip");
    } else {
      request.POST(HttpRequest.BodyPublishers.ofByteArray(batch.lines.array(), 0, batch.lines.size()));
    }
    if (options.username().isPresent() && options.password().isPresent()) {
      String credentials = options.username().get() + ":" + options.password().get().reveal();
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw WriteFailureClassifier.forTransport(e, target());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfluxWriteException(InfluxWriteException.Kind.RETRYABLE, 0,
          "interrupted while writing to " + target(), e);
    }
    if (response.statusCode() / 100 != 2) {
      throw WriteFailureClassifier.forStatus(response.statusCode(), target(), response.body());
    }
    // Acknowledged, so the client is done with the body: the buffers can take the next batch. After
    // a failure they are dropped instead, in case the client still reads them.
    if (batch.worthKeeping()) {
      spare.set(batch);
    }
  }

  @Override
  public String target() {
    return options.url() + " db=" + options.database()
        + options.retentionPolicy().map(rp -> " rp=" + rp).orElse("");
  }

  @Override
  public void close() {
    // java.net.http.HttpClient (Java 17) holds no resources that need closing.
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
