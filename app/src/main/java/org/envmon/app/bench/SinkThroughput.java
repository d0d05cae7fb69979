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
 * {@link PointMapper}, then {@link InfluxV1Writer}, as configured by default ({@code influx.gzip=false})
 * and with gzip) against a
 * raw HTTP POST of the same points' line protocol, rendered beforehand, in batches of the same
 * size.
 */
final class SinkThroughput {
  static final String RAW_DATABASE = "bench_raw";
  static final String ENVMON_DATABASE = "bench_envmon";
  static final String GZIP_DATABASE = "bench_envmon_gzip";
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

  /**
   * Points per second of each path.
   *
   * @param raw    raw POST of pre-rendered line protocol: what any client could do at best
   * @param envmon  {@link PointMapper} + {@link InfluxV1Writer} as envmon runs it by default (no gzip)
   * @param gzipped the same with {@code influx.gzip=true} (for a remote InfluxDB over a slow link)
   */
  record Result(Throughput raw, Throughput envmon, Throughput gzipped) {}

  /**
   * Writes every batch through the three paths in turn, each into a database of its own, and
   * adds up each path's time: the paths see the same machine load and the same database sizes,
   * which writing one path after the other on a busy machine did not give.
   */
  Result compare(List<HourlyValue> records, int batchSize, PrintStream out) throws InterruptedException {
    PointMapper mapper = new PointMapper(NoiseZones.NONE);
    URI rawWrite = URI.create(url + "/write?db=" + RAW_DATABASE + "&precision=ms");
    createDatabase(RAW_DATABASE);
    createDatabase(ENVMON_DATABASE);
    createDatabase(GZIP_DATABASE);
    long rawNanos = 0;
    long envmonNanos = 0;
    long gzipNanos = 0;
    ProgressLine progress = new ProgressLine(out, "sink batches (raw, envmon, envmon with gzip)");
    try (InfluxWriter envmon = writer(ENVMON_DATABASE, false); InfluxWriter gzipped = writer(GZIP_DATABASE, true)) {
      for (int from = 0; from < records.size(); from += batchSize) {
        List<HourlyValue> batch = records.subList(from, Math.min(records.size(), from + batchSize));
        byte[] body = lineProtocol(mapper, batch);
        long t0 = System.nanoTime();
        post(rawWrite, body);
        long t1 = System.nanoTime();
        envmon.write(points(mapper, batch));
        long t2 = System.nanoTime();
        gzipped.write(points(mapper, batch));
        long t3 = System.nanoTime();
        rawNanos += t1 - t0;
        envmonNanos += t2 - t1;
        gzipNanos += t3 - t2;
        progress.update(from + batch.size(), records.size());
      }
    } catch (InfluxWriteException e) {
      throw new IllegalStateException("envmon's writer failed against " + url + ": " + e.getMessage(), e);
    }
    return new Result(new Throughput(records.size(), Duration.ofNanos(rawNanos)),
        new Throughput(records.size(), Duration.ofNanos(envmonNanos)),
        new Throughput(records.size(), Duration.ofNanos(gzipNanos)));
  }

  private InfluxWriter writer(String database, boolean gzip) {
    return new InfluxV1Writer(InfluxV1Options.builder().url(url).database(database).gzip(gzip).build());
  }

  /** envmon's mapping, timed as part of its path as in the sink. */
  static List<LinePoint> points(PointMapper mapper, List<HourlyValue> batch) {
    List<LinePoint> points = new ArrayList<>(batch.size());
    batch.forEach(h -> points.addAll(mapper.map(h)));
    return points;
  }

  /** The raw path's body: the same bytes envmon's writer sends for the batch (SinkThroughputTest checks). */
  static byte[] lineProtocol(PointMapper mapper, List<HourlyValue> batch) {
    StringBuilder body = new StringBuilder();
    batch.forEach(h -> body.append(mapper.hourly(h).toLineProtocol()).append('\n'));
    return body.toString().getBytes(StandardCharsets.UTF_8);
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
