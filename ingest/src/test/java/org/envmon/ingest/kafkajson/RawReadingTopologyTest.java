package org.envmon.ingest.kafkajson;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.RejectReason;
import org.envmon.ingest.json.TestStations;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawReadingTopologyTest {
  private final IngestCounters counters = IngestCounters.inMemory();
  private TopologyTestDriver driver;
  private TestInputTopic<String, String> raw;
  private TestOutputTopic<String, Reading> readings;
  private TestOutputTopic<String, DeadLetter> dlq;

  @BeforeEach
  void setUp() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "raw-reading-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(RawReadingTopology.build(TestStations.validator(), counters, TestStations.CLOCK),
        props);
    raw = driver.createInputTopic(Topics.READINGS_RAW.name(), Topics.READINGS_RAW.keySerde().serializer(),
        Topics.READINGS_RAW.valueSerde().serializer());
    readings = driver.createOutputTopic(Topics.READINGS.name(), Topics.READINGS.keySerde().deserializer(),
        Topics.READINGS.valueSerde().deserializer());
    dlq = driver.createOutputTopic(Topics.READINGS_DLQ.name(), Topics.READINGS_DLQ.keySerde().deserializer(),
        Topics.READINGS_DLQ.valueSerde().deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void turnsAJsonReadingIntoAnAvroReadingKeyedByStation() {
    raw.pipeInput(null, """
        {"station":"Dongsi","parameter":"PM2_5","time":"2026-05-01T08:00:00+08:00","value":35.2,"unit":"ug/m3","flag":"N"}""");

    assertThat(readings.readKeyValuesToList()).containsExactly(KeyValue.pair("Dongsi", Reading.newBuilder()
        .setStationId("Dongsi").setParameter("PM2_5").setMedium(Medium.AIR)
        .setObservedAt(Instant.parse("2026-05-01T00:00:00Z")).setPeriodSeconds(3600).setValue(35.2)
        .setUnit("ug/m3").setFlag("N").setSource("kafka-json").setReceivedAt(TestStations.CLOCK.instant())
        .setSampleMinutes(null).build()));
    assertThat(dlq.isEmpty()).isTrue();
    assertThat(counters.acceptedCount("kafka-json")).isEqualTo(1);
  }

  @Test
  void splitsABatchIntoReadingsAndDeadLettersWithCoordinates() {
    raw.pipeInput("ignored", """
        [{"station":"Dongsi","parameter":"NO2","time":"2026-05-01T00:00:00Z","value":40},
         {"station":"Guanyuan","parameter":"NOPE","time":"2026-05-01T00:00:00Z","value":1},
         {"station":"Guanyuan","parameter":"SO2","time":"2026-05-01T00:00:00Z","value":9}]""");

    assertThat(readings.readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getParameter())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Dongsi", "NO2"),
            org.assertj.core.groups.Tuple.tuple("Guanyuan", "SO2"));
    assertThat(dlq.readKeyValuesToList()).containsExactly(KeyValue.pair("Guanyuan", DeadLetter.newBuilder()
        .setReasonCode("UNKNOWN_PARAMETER").setReason("record 1: unknown parameter 'NOPE'").setSource("kafka-json")
        .setSourceAddress("envmon.readings.raw-0@0#1").setStationId("Guanyuan")
        .setPayload("{\"station\":\"Guanyuan\",\"parameter\":\"NOPE\",\"time\":\"2026-05-01T00:00:00Z\",\"value\":1}")
        .setAt(TestStations.CLOCK.instant()).build()));
  }

  @Test
  void deadLettersUnreadableRecordsWithTheirOffset() {
    raw.pipeValueList(List.of("{\"station\":\"Dongsi\"", "[]"));

    List<DeadLetter> dead = dlq.readValuesToList();
    assertThat(dead).extracting(DeadLetter::getReasonCode, DeadLetter::getSourceAddress, DeadLetter::getPayload)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("MALFORMED", "envmon.readings.raw-0@0", "{\"station\":\"Dongsi\""),
            org.assertj.core.groups.Tuple.tuple("MALFORMED", "envmon.readings.raw-0@1", "[]"));
    assertThat(dead.get(0).getReason()).startsWith("body is not valid JSON");
    assertThat(dead.get(1).getReason()).isEqualTo("the array holds no readings");
    assertThat(readings.isEmpty()).isTrue();
    assertThat(counters.rejectedCount("kafka-json", RejectReason.MALFORMED)).isEqualTo(2);
  }
}
