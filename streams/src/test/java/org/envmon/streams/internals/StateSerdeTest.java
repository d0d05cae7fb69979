package org.envmon.streams.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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

  @Test
  void aValueEncodedInsideAnotherKeepsBothIntact() {
    // the noise and water period serdes write their periods with another state serde
    Serde<List<String>> pair = StateSerde.of("pair", (byte) 4, (out, v) -> {
      for (String part : v) {
        byte[] inner = TEXT.serializer().serialize("t", part);
        out.writeInt(inner.length);
        out.write(inner);
      }
    }, in -> {
      String first = TEXT.deserializer().deserialize("t", in.readNBytes(in.readInt()));
      String second = TEXT.deserializer().deserialize("t", in.readNBytes(in.readInt()));
      return List.of(first, second);
    });
    List<String> value = List.of("东城 Dongsi", "x".repeat(10_000));
    assertThat(pair.deserializer().deserialize("t", pair.serializer().serialize("t", value))).isEqualTo(value);
  }

  @Test
  void encodedValuesDoNotShareTheirBytes() {
    Serde<String> blob = StateSerde.of("blob", (byte) 5, (out, v) -> {
      byte[] b = v.getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }, in -> new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
    String large = "y".repeat(50_000);
    String huge = "z".repeat(1_200_000); // more than a thread keeps its buffer for
    byte[] largeBytes = blob.serializer().serialize("t", large);
    byte[] smallBytes = blob.serializer().serialize("t", "Dongsi");
    byte[] hugeBytes = blob.serializer().serialize("t", huge);
    byte[] afterBytes = blob.serializer().serialize("t", "after");
    assertThat(smallBytes).hasSize(1 + 4 + "Dongsi".length());
    assertThat(blob.deserializer().deserialize("t", largeBytes)).isEqualTo(large);
    assertThat(blob.deserializer().deserialize("t", smallBytes)).isEqualTo("Dongsi");
    assertThat(blob.deserializer().deserialize("t", hugeBytes)).isEqualTo(huge);
    assertThat(blob.deserializer().deserialize("t", afterBytes)).isEqualTo("after");
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
