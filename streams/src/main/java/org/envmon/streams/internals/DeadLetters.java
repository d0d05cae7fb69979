package org.envmon.streams.internals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.topics.Topics;

/** Builds the streams stage's dead letters for {@link Topics#READINGS_DLQ}. */
public final class DeadLetters {
  /** {@link DeadLetter#getSource()} of everything the streams stage rejects. */
  public static final String SOURCE = "streams";

  private static final Serializer<DeadLetter> SERIALIZER = Topics.READINGS_DLQ.valueSerde().serializer();

  private DeadLetters() {}

  /** A dead letter with the coordinates of the input, e.g. {@code envmon.readings-3@1207}. */
  public static DeadLetter of(String reasonCode, String reason, String sourceAddress, String stationId,
                              String payload, long at) {
    return DeadLetter.newBuilder()
        .setReasonCode(reasonCode)
        .setReason(reason)
        .setSource(SOURCE)
        .setSourceAddress(sourceAddress)
        .setStationId(stationId)
        .setPayload(payload == null ? "" : payload)
        .setAt(Instant.ofEpochMilli(at))
        .build();
  }

  /** {@code topic-partition@offset}. */
  public static String coordinates(String topic, int partition, long offset) {
    return topic + "-" + partition + "@" + offset;
  }

  /** Raw bytes as text when they are valid UTF-8 without control characters, else hex. */
  public static String payloadText(byte[] bytes) {
    if (bytes == null) {
      return "";
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean printable = text.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD || c == '\n' || c == '\t');
    return printable ? text : "hex:" + HexFormat.of().formatHex(bytes);
  }

  /** The serialized record for the handlers' dead-letter-queue responses. */
  public static ProducerRecord<byte[], byte[]> toProducerRecord(DeadLetter letter, byte[] rawKey) {
    return new ProducerRecord<>(Topics.READINGS_DLQ.name(), rawKey,
        SERIALIZER.serialize(Topics.READINGS_DLQ.name(), letter));
  }
}
