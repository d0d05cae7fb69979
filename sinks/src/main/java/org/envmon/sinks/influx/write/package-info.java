/** Writers for the InfluxDB 1.x and 2.x write APIs behind {@link org.envmon.sinks.influx.write.InfluxWriter}. */
package org.envmon.sinks.influx.write;
