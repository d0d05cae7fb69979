package org.envmon.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the embedded broker's ERROR lines for the out-of-order sequence a transactions-v2
 * producer gets on its first batches to a partition: Kafka rejects them as retriable by design
 * (KAFKA-18202) and the producer retries, so nothing is lost; the lines would only alarm the
 * operator. Every other error passes.
 */
public final class RetriableSequenceNoiseFilter extends Filter<ILoggingEvent> {
  @Override
  public FilterReply decide(ILoggingEvent event) {
    IThrowableProxy t = event.getThrowableProxy();
    if (t != null && t.getClassName().endsWith("OutOfOrderSequenceException")
        && event.getLoggerName().startsWith("kafka.server.ReplicaManager")) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
