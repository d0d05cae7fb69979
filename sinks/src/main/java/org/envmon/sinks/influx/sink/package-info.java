/**
 * The Kafka consumer that writes the result topics to InfluxDB effectively once: each poll batch
 * is written synchronously and its offsets are committed only after InfluxDB acknowledged it.
 */
package org.envmon.sinks.influx.sink;
