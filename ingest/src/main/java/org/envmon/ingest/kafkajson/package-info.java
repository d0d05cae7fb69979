/**
 * Kafka-JSON ingest: a Kafka Streams application, exactly once, that turns JSON readings written
 * by third parties to {@code envmon.readings.raw} into Avro readings on {@code envmon.readings},
 * refused records to {@code envmon.readings.dlq}.
 */
package org.envmon.ingest.kafkajson;
