package org.envmon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A small bench end to end on its own embedded broker: every Kafka figure is measured and summarised. */
class BenchCommandIT {
  @Test
  void smallRunMeasuresEveryKafkaFigure() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = new CommandLine(new BenchCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
        .execute("--stations", "20", "--readings", "6000", "--warmup", "3000", "--latency-probes", "5", "--latency-warmup", "PT1S",
            "--latency-warmup-probes", "3", "--hour-close-days", "10", "--no-sink", "--streams-config", "producer.linger.ms=5",
            "--timeout", "PT3M");

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(exit).as(String.join("\n", lines)).isZero();
    assertThat(lines).anyMatch(l -> l.startsWith("bench: pipeline: ") && l.contains("commit every 50 ms")
        && l.endsWith("with {producer.linger.ms=5}"));
    String summary = lines.get(lines.size() - 1);
    assertThat(summary).startsWith("BENCH {");
    JsonNode json = new ObjectMapper().readTree(summary.substring("BENCH ".length()));
    for (String key : List.of(BenchKeys.PRELOAD_RATE, BenchKeys.BASELINE_RATE, BenchKeys.PIPELINE_RATE,
        BenchKeys.PIPELINE_RATIO, BenchKeys.LATENCY_P50, BenchKeys.LATENCY_P99, BenchKeys.PEAK_HEAP_MIB,
        BenchKeys.HOUR_CLOSE_RATE, BenchKeys.HOUR_CLOSE_STREAM_CPU, BenchKeys.HOUR_CLOSE_PROCESS_CPU)) {
      assertThat(json.at("/figures/" + key).isNumber()).as(key + " in " + summary).isTrue();
      assertThat(json.at("/figures/" + key).asDouble()).as(key).isPositive();
    }
    assertThat(json.at("/figures/" + BenchKeys.LATENCY_SAMPLES).asInt()).as("timed probes only").isEqualTo(5);
    assertThat(json.at("/figures/" + BenchKeys.LATENCY_JIT_SHARE).asDouble()).isGreaterThanOrEqualTo(0);
    // the broker and the load run in this process while the probes go out
    assertThat(json.at("/figures/" + BenchKeys.LATENCY_PROCESS_CORES).asDouble()).isPositive()
        .isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors() + 0.5);
    assertThat(json.at("/figures/" + BenchKeys.LATENCY_P50).asDouble())
        .isLessThanOrEqualTo(json.at("/figures/" + BenchKeys.LATENCY_P99).asDouble());
    assertThat(json.at("/skipped/sink").asText()).isEqualTo("--no-sink");
    assertThat(json.at("/skipped").has("hour closes")).isFalse();
    // the whole process spends at least what its stream threads spend
    assertThat(json.at("/figures/" + BenchKeys.HOUR_CLOSE_PROCESS_CPU).asDouble())
        .isGreaterThanOrEqualTo(json.at("/figures/" + BenchKeys.HOUR_CLOSE_STREAM_CPU).asDouble());
    assertThat(json.at("/floors/" + BenchKeys.REPLAY_SECONDS).isNull()).isTrue();
  }
}
