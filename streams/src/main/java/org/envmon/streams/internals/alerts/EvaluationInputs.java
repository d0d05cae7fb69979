package org.envmon.streams.internals.alerts;

import java.util.Objects;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;

/**
 * The streams the evaluation stages read, subscribed once: Kafka Streams allows one source per
 * topic in a topology, and several stages read the same topic.
 *
 * @param aggregates {@link Topics#AGGREGATES}
 * @param hourly     {@link Topics#HOURLY}
 * @param aqi        {@link Topics#AQI}
 */
public record EvaluationInputs(KStream<String, Aggregate> aggregates, KStream<String, HourlyValue> hourly,
                               KStream<String, AqiRecord> aqi) {
  public EvaluationInputs {
    Objects.requireNonNull(aggregates, "aggregates");
    Objects.requireNonNull(hourly, "hourly");
    Objects.requireNonNull(aqi, "aqi");
  }

  /**
   * Subscribes the three topics with named sources ({@code evaluation-<topic>-source}). Use this
   * unless the main topology already reads one of them; then pass its stream to the constructor.
   */
  public static EvaluationInputs subscribe(StreamsBuilder builder) {
    return new EvaluationInputs(source(builder, Topics.AGGREGATES), source(builder, Topics.HOURLY),
        source(builder, Topics.AQI));
  }

  private static <V> KStream<String, V> source(StreamsBuilder builder, Topic<String, V> topic) {
    return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde())
        .withName("evaluation-" + topic.name() + "-source"));
  }
}
