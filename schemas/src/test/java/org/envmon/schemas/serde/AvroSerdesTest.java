package org.envmon.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AqiRecord;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.HourlyValue;
import org.envmon.schemas.Medium;
import org.envmon.schemas.PlanProgress;
import org.envmon.schemas.Reading;
import org.envmon.schemas.Station;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvroSerdesTest {
  private final Serde<Reading> serde = AvroSerdes.of(Reading.class);

  @Test
  void roundTripsTheCurrentVersion() {
    Reading reading = Reading.newBuilder().setStationId("Dongsi").setParameter("PM2_5")
        .setMedium(Medium.AIR).setObservedAt(Instant.parse("2015-01-01T00:00:00Z"))
        .setValue(75.0).setUnit("ug/m3").setSource("replay")
        .setReceivedAt(Instant.parse("2015-01-01T01:00:00Z")).setSampleMinutes(60).build();
    byte[] bytes = serde.serializer().serialize("t", reading);
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(reading);
  }

  @Test
  void decodesARecordWrittenWithTheOlderSchemaVersion() throws Exception {
    Schema v1 = SchemaHistory.shippedVersions().stream()
        .filter(s -> s.getField("sampleMinutes") == null).findFirst().orElseThrow();
    GenericRecord old = new GenericData.Record(v1);
    old.put("stationId", "Tiantan");
    old.put("parameter", "SO2");
    old.put("medium", new GenericData.EnumSymbol(v1.getField("medium").schema(), "AIR"));
    old.put("observedAt", 1420070400000L);
    old.put("periodSeconds", 3600);
    old.put("value", 12.5);
    old.put("unit", "ug/m3");
    old.put("flag", "N");
    old.put("source", "hj212");
    old.put("receivedAt", 1420070460000L);
    ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);

    Reading decoded = serde.deserializer().deserialize("t", bytes);

    assertThat(decoded.getStationId()).isEqualTo("Tiantan");
    assertThat(decoded.getValue()).isEqualTo(12.5);
    assertThat(decoded.getFlag()).isEqualTo("N");
    assertThat(decoded.getObservedAt()).isEqualTo(Instant.ofEpochMilli(1420070400000L));
    assertThat(decoded.getSampleMinutes()).as("field added in v2 takes its default").isNull();
  }

  /**
   * envmon's own codec must write exactly the bytes of Avro's {@link BinaryMessageEncoder} and read
   * them back: random records of every record type, encoded by Avro, decoded by envmon's serde and
   * encoded again, from several threads at once (the codec keeps per-thread buffers).
   */
  @ParameterizedTest
  @ValueSource(classes = {Aggregate.class, Alert.class, AqiRecord.class, DeadLetter.class, HourlyValue.class,
      PlanProgress.class, Reading.class, Station.class})
  <T extends SpecificRecord> void writesAndReadsExactlyWhatAvrosMessageEncoderWrites(Class<T> type) throws Exception {
    Serde<T> typed = AvroSerdes.of(type);
    Schema schema = SpecificData.get().getSchema(type);
    BinaryMessageEncoder<GenericRecord> avro = new BinaryMessageEncoder<>(GenericData.get(), schema);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> checked = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = 31L * t + type.getName().hashCode();
        checked.add(threads.submit(() -> {
          RandomRecords random = new RandomRecords(seed);
          for (int i = 0; i < 2_000; i++) {
            ByteBuffer buffer = avro.encode(random.record(schema));
            byte[] expected = new byte[buffer.remaining()];
            buffer.get(expected);
            T decoded = typed.deserializer().deserialize("t", expected);
            assertThat(typed.serializer().serialize("t", decoded)).as("record %d of %s", i, schema.getName())
                .isEqualTo(expected);
          }
          return 2_000;
        }));
      }
      for (Future<Integer> f : checked) {
        assertThat(f.get(2, TimeUnit.MINUTES)).isEqualTo(2_000);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aTruncatedRecordIsASerializationException() {
    Reading reading = Reading.newBuilder().setStationId("Dongsi").setParameter("PM2_5")
        .setMedium(Medium.AIR).setObservedAt(Instant.parse("2015-01-01T00:00:00Z"))
        .setValue(75.0).setUnit("ug/m3").setSource("replay")
        .setReceivedAt(Instant.parse("2015-01-01T01:00:00Z")).build();
    byte[] bytes = serde.serializer().serialize("t", reading);
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 4);
    assertThatThrownBy(() -> serde.deserializer().deserialize("envmon.readings", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("envmon.readings");
  }

  @Test
  void garbageIsASerializationExceptionNamingTheTopic() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("envmon.readings", new byte[] {1, 2, 3}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("envmon.readings");
  }

  @Test
  void topicNamesAreUniqueAndPrefixed() {
    assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates()
        .allMatch(n -> n.startsWith("envmon."));
  }
}
