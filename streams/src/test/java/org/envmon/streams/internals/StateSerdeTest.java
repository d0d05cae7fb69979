package org.envmon.streams.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.internals.plan.PlanInput;
import org.junit.jupiter.api.Test;

class StateSerdeTest {
  private static final Serde<String> TEXT = StateSerde.of("text", (byte) 3, (out, v) -> out.writeUTF(v), in -> in.readUTF());

  @Test
  void aValueRoundTripsBehindItsFormatByte() {
    byte[] bytes = TEXT.serializer().serialize("t", "Dongsi");
    assertThat(bytes[0]).isEqualTo((byte) 3);
    assertThat(TEXT.deserializer().deserialize("t", bytes)).isEqualTo("Dongsi");
    assertThat(TEXT.serializer().serialize("t", null)).isNull();
    assertThat(TEXT.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void anUnknownFormatIsRefusedWithWhatToDo() {
    byte[] bytes = TEXT.serializer().serialize("t", "Dongsi");
    bytes[0] = 9;
    assertThatThrownBy(() -> TEXT.deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("text written in unknown format 9").hasMessageContaining("reset the application");
  }

  /**
   * Kafka Streams calls every sink's serializer and every source's deserializer from the same
   * call sites; a class seen there only when a day closes (the plan inputs) had the JIT
   * deoptimize the stream threads' hottest code at every midnight. So the state serdes and the
   * Avro topics' serdes share one serializer and one deserializer class (FunctionSerde).
   */
  @Test
  void stateSerdesAndTopicSerdesShareTheirSerializerClasses() {
    List<Serde<?>> serdes = List.of(TEXT, PlanInput.serde(), RollingRing.SERDE,
        Topics.READINGS.valueSerde(), Topics.HOURLY.valueSerde(), Topics.AGGREGATES.valueSerde(),
        Topics.ALERTS.valueSerde());
    assertThat(serdes.stream().map(s -> s.serializer().getClass().getName()).distinct().toList()).hasSize(1);
    assertThat(serdes.stream().map(s -> s.deserializer().getClass().getName()).distinct().toList()).hasSize(1);
  }
}
