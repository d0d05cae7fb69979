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
 * The streams the evaluation stages and the status stores read: in envmon's topology the core's
 * own streams of what it writes to the three topics ({@code CoreTopology.addTo}), keyed as there
 * and partitioned by station; in a topology of the evaluation stages alone (their tests), the
 * topics, subscribed once ({@link #subscribe}: Kafka Streams allows one source per topic, and
 * several stages read the same topic).
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

  /** Subscribes the three topics with named sources ({@code evaluation-<topic>-source}). */
  public static EvaluationInputs subscribe(StreamsBuilder builder) {
    return new EvaluationInputs(source(builder, Topics.AGGREGATES), source(builder, Topics.HOURLY),
        source(builder, Topics.AQI));
  }

  private static <V> KStream<String, V> source(StreamsBuilder builder, Topic<String, V> topic) {
    return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde())
        .withName("evaluation-" + topic.name() + "-source"));
  }
}
