/**
 * The HJ 212 TCP receiver: framing, CRC, parsing of HJ/T 212-2005, HJ 212-2017 and HJ 212-2025
 * data segments, station authentication, code mapping to envmon parameters, answers, and the
 * Netty server. Everything except {@code Hj212Server} and its channel handler is pure Java.
 */
package org.envmon.ingest.hj212;
