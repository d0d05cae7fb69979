package org.envmon.sinks.influx.write;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.envmon.sinks.influx.point.LinePoint;

/**
 * Writes through the InfluxDB 2.x API ({@code /api/v2/write}) with influxdb-client-java's
 * blocking write API and gzip, using the same line protocol encoding as the 1.x writer.
 */
public final class InfluxV2Writer implements InfluxWriter {
  private final InfluxV2Options options;
  private final InfluxDBClient client;
  private final WriteApiBlocking writeApi;

  public InfluxV2Writer(InfluxV2Options options) {
    this.options = options;
    OkHttpClient.Builder http = new OkHttpClient.Builder()
        .connectTimeout(options.timeout())
        .readTimeout(options.timeout())
        .writeTimeout(options.timeout());
    this.client = InfluxDBClientFactory.create(InfluxDBClientOptions.builder()
        .url(options.url().toString())
        .org(options.org())
        .bucket(options.bucket())
        .authenticateToken(options.token().reveal().toCharArray())
        .okHttpClient(http)
        .build());
    if (options.gzip()) {
      client.enableGzip();
    }
    this.writeApi = client.getWriteApiBlocking();
  }

  @Override
  public void write(List<LinePoint> points) throws InfluxWriteException {
    if (points.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>(points.size());
    for (LinePoint p : points) {
      lines.add(p.toLineProtocol());
    }
    try {
      writeApi.writeRecords(options.bucket(), options.org(), WritePrecision.MS, lines);
    } catch (InfluxException e) {
      // status 0: no HTTP response (connection refused, reset, timeout); the cause says which.
      throw e.status() > 0
          ? WriteFailureClassifier.forStatus(e.status(), target(), String.valueOf(e.getMessage()))
          : WriteFailureClassifier.forTransport(e, target());
    }
  }

  @Override
  public String target() {
    return options.url() + " org=" + options.org() + " bucket=" + options.bucket();
  }

  @Override
  public void close() {
    client.close();
  }
}
