package org.envmon.streams.errors;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.envmon.streams.internals.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be deserialized goes to {@code envmon.readings.dlq} with its
 * coordinates and the decoder's reason; the application goes on with the next record.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                              Exception exception) {
    String where = DeadLetters.coordinates(record.topic(), record.partition(), record.offset());
    LOG.warn("cannot deserialize {}, sending it to the dead-letter topic: {}", where, exception.toString());
    return Response.resume(List.of(DeadLetters.toProducerRecord(DeadLetters.of("DESERIALIZATION",
        "cannot deserialize the record: " + exception.getMessage()
            + "; fix the producer's serializer (envmon topics carry Avro single-object encoding)",
        where, null, DeadLetters.payloadText(record.value()), Instant.now().toEpochMilli()), record.key())));
  }

  @Override
  public void configure(Map<String, ?> configs) {
    // nothing to configure: the dead-letter topic is envmon's fixed READINGS_DLQ
  }
}
