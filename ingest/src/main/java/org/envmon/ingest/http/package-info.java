/**
 * HTTP ingest: {@code POST /api/v1/readings} (JSON or CSV) with per-station bearer tokens,
 * {@code GET /health} and {@code GET /metrics}, served by the JDK's built-in HTTP(S) server.
 */
package org.envmon.ingest.http;
