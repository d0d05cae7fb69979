package org.envmon.ingest.json;

import org.envmon.ingest.core.RejectReason;

/**
 * A record ingest refused, with what a client needs to fix it and what the DLQ keeps.
 *
 * @param index     position of the record in its batch, from 0, or -1 for the input as a whole
 * @param reason    machine-readable reason
 * @param message   what was wrong and what to do
 * @param stationId station the record names, or null
 * @param payload   the record as received
 */
public record Rejection(int index, RejectReason reason, String message, String stationId, String payload) {}
