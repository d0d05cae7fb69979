/**
 * InfluxDB sink: maps envmon records to points ({@code point}), writes them through the v1 or v2
 * HTTP API ({@code write}), consumes the result topics with effectively-once delivery
 * ({@code sink}), and reads the Grafana dashboards' queries ({@code grafana}).
 */
package org.envmon.sinks.influx;
