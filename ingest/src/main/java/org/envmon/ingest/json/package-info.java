/**
 * The text reading formats shared by the HTTP, MQTT and Kafka-JSON ingest paths (JSON object or
 * array, CSV with a header) and the intake step that validates parsed records and hands them to
 * the {@link org.envmon.ingest.core.ReadingPublisher}.
 */
package org.envmon.ingest.json;
