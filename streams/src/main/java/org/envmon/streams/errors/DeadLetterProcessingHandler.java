package org.envmon.streams.errors;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.envmon.streams.internals.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws goes to {@code envmon.readings.dlq} with the source
 * coordinates, the failing processor and the exception; the application goes on.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    String where = DeadLetters.coordinates(context.topic(), context.partition(), context.offset());
    LOG.warn("processor {} failed on {}, sending it to the dead-letter topic", context.processorNodeId(), where,
        exception);
    String stationId = record.key() instanceof String key ? key : null;
    return Response.resume(List.of(DeadLetters.toProducerRecord(DeadLetters.of("PROCESSING",
        "processor " + context.processorNodeId() + " failed: " + exception
            + "; the record was skipped, report it with this dead letter",
        where, stationId, String.valueOf(record.value()), Instant.now().toEpochMilli()),
        context.sourceRawKey())));
  }

  @Override
  public void configure(Map<String, ?> configs) {
    // nothing to configure: the dead-letter topic is envmon's fixed READINGS_DLQ
  }
}
