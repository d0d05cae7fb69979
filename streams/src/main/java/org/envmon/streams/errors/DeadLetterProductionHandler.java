package org.envmon.streams.errors;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.envmon.streams.internals.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output record that cannot be serialized or is refused by the broker goes to
 * {@code envmon.readings.dlq} with the source coordinates; retriable errors are retried.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

  @Override
  public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                              Exception exception) {
    if (exception instanceof RetriableException) {
      return Response.retry();
    }
    return deadLetter(context, record.topic(), exception);
  }

  @Override
  @SuppressWarnings("rawtypes") // the interface declares the raw ProducerRecord
  public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record,
                                           Exception exception, SerializationExceptionOrigin origin) {
    return deadLetter(context, record.topic(), exception);
  }

  private static Response deadLetter(ErrorHandlerContext context, String outputTopic, Exception exception) {
    String where = DeadLetters.coordinates(context.topic(), context.partition(), context.offset());
    LOG.warn("cannot produce the output of {} to {}, sending the input to the dead-letter topic", where,
        outputTopic, exception);
    return Response.resume(List.of(DeadLetters.toProducerRecord(DeadLetters.of("PRODUCTION",
        "cannot write the result to " + outputTopic + ": " + exception
            + "; check the topic exists and the broker accepts the record",
        where, null, DeadLetters.payloadText(context.sourceRawValue()), Instant.now().toEpochMilli()),
        context.sourceRawKey())));
  }

  @Override
  public void configure(Map<String, ?> configs) {
    // nothing to configure: the dead-letter topic is envmon's fixed READINGS_DLQ
  }
}
