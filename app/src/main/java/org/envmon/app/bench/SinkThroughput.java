package org.envmon.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.envmon.ingest.loadgen.LoadOptions;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.sinks.influx.point.LinePoint;
import org.envmon.sinks.influx.point.NoiseZones;
import org.envmon.sinks.influx.point.PointMapper;
import org.envmon.sinks.influx.write.InfluxV1Options;
import org.envmon.sinks.influx.write.InfluxV1Writer;
import org.envmon.sinks.influx.write.InfluxWriteException;
import org.envmon.sinks.influx.write.InfluxWriter;

/**
 * InfluxDB write throughput of envmon's sink path (Avro record to point with
 * {@link PointMapper}, then {@link InfluxV1Writer}, with and without its default gzip) against a
 * raw HTTP POST of the same points' line protocol, rendered beforehand, in batches of the same
 * size. The raw path writes to a database of its own.
 */
final class SinkThroughput {
  static final String RAW_DATABASE = "bench_raw";
  static final String ENVMON_DATABASE = "bench_envmon";
  private static final Instant FIRST_HOUR = Instant.parse("2026-01-01T00:00:00Z");
  private static final int STATIONS = 1000;

  private final String url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  SinkThroughput(String url) {
    this.url = url.replaceAll("/+$", "");
  }

  /** Hourly means of 1 000 stations x the six air pollutants, hour after hour. */
  static List<HourlyValue> records(int count) {
    List<HourlyValue> records = new ArrayList<>(count);
    int parameters = LoadOptions.AIR.size();
    for (int i = 0; i < count; i++) {
      int station = i / parameters % STATIONS;
      long hour = i / ((long) parameters * STATIONS);
      records.add(HourlyValue.newBuilder().setStationId(String.format(Locale.ROOT, "sink-%04d", station))
          .setDistrict("东城").setMedium(Medium.AIR).setParameter(LoadOptions.AIR.get(i % parameters))
          .setHourStart(FIRST_HOUR.plus(Duration.ofHours(hour))).setValue(20.0 + i % 97).setUnit("ug/m3")
          .setSamples(60).setSampleMinutes(60).setValid(true).build());
    }
    return records;
  }

  /** Raw POST of pre-rendered line protocol: what any client could do at best. */
  Throughput raw(List<HourlyValue> records, int batchSize, PrintStream out) throws InterruptedException {
    createDatabase(RAW_DATABASE);
    PointMapper mapper = new PointMapper(NoiseZones.NONE);
    List<byte[]> bodies = new ArrayList<>();
    for (int from = 0; from < records.size(); from += batchSize) {
      StringBuilder body = new StringBuilder();
      for (HourlyValue h : records.subList(from, Math.min(records.size(), from + batchSize))) {
        body.append(mapper.hourly(h).toLineProtocol()).append('\n');
      }
      bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
    }
    URI write = URI.create(url + "/write?db=" + RAW_DATABASE + "&precision=ms");
    ProgressLine progress = new ProgressLine(out, "raw POST");
    long started = System.nanoTime();
    long written = 0;
    for (byte[] body : bodies) {
      post(write, body);
      written = Math.min(records.size(), written + batchSize);
      progress.update(written, records.size());
    }
    return new Throughput(records.size(), Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * envmon's path: map each record, write each batch through the sink's writer.
   *
   * @param gzip whether the writer compresses its requests (its default, and what envmon uses, is true)
   */
  Throughput envmon(List<HourlyValue> records, int batchSize, boolean gzip, PrintStream out)
      throws InterruptedException {
    createDatabase(ENVMON_DATABASE);
    PointMapper mapper = new PointMapper(NoiseZones.NONE);
    ProgressLine progress = new ProgressLine(out, "envmon writer" + (gzip ? "" : " (gzip off)"));
    try (InfluxWriter writer = new InfluxV1Writer(InfluxV1Options.builder().url(url).database(ENVMON_DATABASE)
        .gzip(gzip).build())) {
      long started = System.nanoTime();
      for (int from = 0; from < records.size(); from += batchSize) {
        List<LinePoint> points = new ArrayList<>(batchSize);
        for (HourlyValue h : records.subList(from, Math.min(records.size(), from + batchSize))) {
          points.addAll(mapper.map(h));
        }
        writer.write(points);
        progress.update(from + points.size(), records.size());
      }
      return new Throughput(records.size(), Duration.ofNanos(System.nanoTime() - started));
    } catch (InfluxWriteException e) {
      throw new IllegalStateException("envmon's writer failed against " + url + ": " + e.getMessage(), e);
    }
  }

  private void createDatabase(String database) throws InterruptedException {
    post(URI.create(url + "/query?q=" + URLEncoder.encode("CREATE DATABASE " + database, StandardCharsets.UTF_8)),
        new byte[0]);
  }

  private void post(URI uri, byte[] body) throws InterruptedException {
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "text/plain; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach InfluxDB at " + url + " (" + e.getMessage()
          + "); check --influx-url", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("InfluxDB at " + url + " answered HTTP " + response.statusCode() + " to "
          + uri.getPath() + ": " + response.body());
    }
  }
}
