package org.envmon.sinks.influx.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.envmon.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

class InfluxSinkOptionsTest {

  @Test
  void defaultsToEveryResultTopic() {
    InfluxSinkOptions o = InfluxSinkOptions.builder().bootstrapServers("localhost:9092").build();
    assertThat(o.topics()).containsExactly(Topics.HOURLY, Topics.AGGREGATES, Topics.AQI, Topics.ALERTS,
        Topics.PLAN_PROGRESS);
    assertThat(o.groupId()).isEqualTo("envmon-influx-sink");
    assertThat(o.initialBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(o.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void acceptsASubsetAndNamesWhatIsWrong() {
    assertThat(InfluxSinkOptions.builder().bootstrapServers("b:9092").topics(List.of(Topics.ALERTS)).build()
        .topics()).containsExactly(Topics.ALERTS);
    assertThatThrownBy(() -> InfluxSinkOptions.builder().build())
        .hasMessageContaining("bootstrap servers are not set");
    assertThatThrownBy(() -> InfluxSinkOptions.builder().bootstrapServers("b:9092")
        .topics(List.of(Topics.SINK_DLQ)).build())
        .hasMessageContaining("topic envmon.sink.dlq has no InfluxDB measurement");
    assertThatThrownBy(() -> InfluxSinkOptions.builder().bootstrapServers("b:9092").topics(List.of()).build())
        .hasMessageContaining("no topics to sink");
    assertThatThrownBy(() -> InfluxSinkOptions.builder().bootstrapServers("b:9092")
        .backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)).build())
        .hasMessageContaining("0 < initial <= max");
    assertThatThrownBy(() -> InfluxSinkOptions.builder().bootstrapServers("b:9092").maxPollRecords(0).build())
        .hasMessageContaining("maxPollRecords must be at least 1");
  }
}
