/**
 * MQTT ingest: a persistent-session MQTT v5 subscriber that acknowledges each message (PUBACK)
 * only after Kafka has its readings.
 */
package org.envmon.ingest.mqtt;
