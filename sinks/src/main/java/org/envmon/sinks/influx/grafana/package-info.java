/** Reads the InfluxQL queries of the Grafana dashboards in grafana/dashboards, with macros resolved. */
package org.envmon.sinks.influx.grafana;
