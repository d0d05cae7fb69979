package org.envmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.envmon.schemas.HourlyValue;
import org.envmon.sinks.influx.point.NoiseZones;
import org.envmon.sinks.influx.point.PointMapper;
import org.envmon.sinks.influx.write.InfluxV1Options;
import org.envmon.sinks.influx.write.InfluxV1Writer;
import org.envmon.sinks.influx.write.InfluxWriter;
import org.junit.jupiter.api.Test;

class SinkThroughputTest {
  @Test
  void recordsAreDistinctPointsSoNoneOverwritesAnother() {
    List<HourlyValue> records = SinkThroughput.records(13_000);
    PointMapper mapper = new PointMapper(NoiseZones.NONE);
    Set<String> identities = records.stream().map(mapper::hourly)
        .map(p -> p.measurement() + p.tags() + p.timeMillis()).collect(Collectors.toSet());
    assertThat(identities).hasSize(13_000);
    assertThat(records.get(0).getHourStart()).isBefore(records.get(12_999).getHourStart());
  }

  /** The raw path is a fair baseline only if it posts what envmon's writer posts, byte for byte. */
  @Test
  void rawPathPostsExactlyTheBodyEnvmonsWriterSends() throws Exception {
    List<byte[]> bodies = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/write", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        bodies.add(gzip ? gunzip(in) : in.readAllBytes());
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      PointMapper mapper = new PointMapper(NoiseZones.NONE);
      List<HourlyValue> records = SinkThroughput.records(12_000);
      List<List<HourlyValue>> batches = List.of(records.subList(0, 5_000), records.subList(5_000, 10_000),
          records.subList(10_000, 12_000));
      for (boolean gzip : new boolean[] {false, true}) {
        bodies.clear();
        try (InfluxWriter writer = new InfluxV1Writer(InfluxV1Options.builder().url(url).database("bench")
            .gzip(gzip).build())) {
          for (List<HourlyValue> batch : batches) {
            writer.write(SinkThroughput.points(mapper, batch));
          }
        }
        assertThat(bodies).hasSize(batches.size());
        for (int i = 0; i < batches.size(); i++) {
          assertThat(bodies.get(i)).as("batch %d, gzip %s", i, gzip)
              .isEqualTo(SinkThroughput.lineProtocol(mapper, batches.get(i)));
        }
      }
    } finally {
      server.stop(0);
    }
  }

  private static byte[] gunzip(InputStream in) throws IOException {
    try (GZIPInputStream zip = new GZIPInputStream(in)) {
      return zip.readAllBytes();
    }
  }
}
