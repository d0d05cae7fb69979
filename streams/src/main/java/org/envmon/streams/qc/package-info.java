/** envmon's quality control of readings: pure rules, no Kafka. */
package org.envmon.streams.qc;
