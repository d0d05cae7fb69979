/** Pure mapping of envmon records to InfluxDB points and their line protocol encoding. */
package org.envmon.sinks.influx.point;
