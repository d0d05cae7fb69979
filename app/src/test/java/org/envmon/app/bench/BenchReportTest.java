package org.envmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final BenchReport report = new BenchReport(new PrintStream(bytes, true, StandardCharsets.UTF_8));

  private List<String> lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void printsEachFigureAsItIsAdded() {
    report.add(new Figure(BenchKeys.PIPELINE_RATE, "pipeline throughput (EOS)", 52310.4, "readings/s", "600,000 in 11.5 s"));
    report.add(new Figure(BenchKeys.PIPELINE_RATIO, "pipeline / raw baseline", 0.2747, "", ""));
    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).startsWith("bench: pipeline throughput (EOS)").contains(" 52,310 readings/s")
        .endsWith("  (600,000 in 11.5 s)");
    assertThat(lines().get(1)).startsWith("bench: pipeline / raw baseline").contains(" 0.275 ");
  }

  @Test
  void summaryIsOneLineOfJsonWithFiguresFloorsAndSkips() throws Exception {
    report.add(new Figure(BenchKeys.PIPELINE_RATE, "pipeline", 60000, "readings/s", ""));
    report.add(new Figure(BenchKeys.LATENCY_LOAD_SHARE, "share", 0.5, "", ""));
    report.add(new Figure(BenchKeys.LATENCY_P99, "p99", 312.5, "ms", ""));
    report.add(new Figure(BenchKeys.LOAD_AVERAGE + "_start", "load", Double.NaN, "", ""));
    report.skip("sink", "no \"influxd\" on the PATH\n");
    bytes.reset();

    report.finish(Floor.ISSUE_7);

    List<String> lines = lines();
    assertThat(lines).hasSize(Floor.ISSUE_7.size() + 1);
    assertThat(lines.get(0)).endsWith(" met").contains("pipeline >= 50 000 readings/s");
    assertThat(lines.get(1)).endsWith(" not measured");
    assertThat(lines.get(2)).endsWith(" NOT MET").contains("p99");
    String summary = lines.get(lines.size() - 1);
    assertThat(summary).startsWith("BENCH {").doesNotContain("\n");
    assertThat(summary).isEqualTo("BENCH {\"figures\":{\"pipeline_readings_per_s\":60000,"
        + "\"latency_load_share\":0.5,\"alert_latency_p99_ms\":312.5,\"load_average_1m_start\":null},"
        + "\"floors\":{\"pipeline_readings_per_s\":true,\"pipeline_to_baseline_ratio\":null,"
        + "\"alert_latency_p99_ms\":false,\"sink_to_raw_ratio\":null,\"replay_wall_s\":null,"
        + "\"peak_heap_mib\":null},\"skipped\":{\"sink\":\"no \\\"influxd\\\" on the PATH\\n\"}}");
    JsonNode json = new ObjectMapper().readTree(summary.substring("BENCH ".length()));
    assertThat(json.at("/figures/alert_latency_p99_ms").asDouble()).isEqualTo(312.5);
    assertThat(json.at("/floors/alert_latency_p99_ms").asBoolean()).isFalse();
    assertThat(json.at("/skipped/sink").asText()).isEqualTo("no \"influxd\" on the PATH\n");
  }

  @Test
  void numbersAreJsonNumbers() {
    assertThat(BenchReport.number(3.0)).isEqualTo("3");
    assertThat(BenchReport.number(0.27471)).isEqualTo("0.2747");
    assertThat(BenchReport.number(1234.5)).isEqualTo("1234.5");
    assertThat(BenchReport.number(-2.25)).isEqualTo("-2.25");
    assertThat(BenchReport.number(Double.POSITIVE_INFINITY)).isEqualTo("null");
    assertThat(BenchReport.number(null)).isEqualTo("null");
  }

  @Test
  void stringsEscapeControlCharacters() {
    assertThat(BenchReport.string("a\\b\t\u0001东城")).isEqualTo("\"a\\\\b\\t\\u0001东城\"");
  }
}
