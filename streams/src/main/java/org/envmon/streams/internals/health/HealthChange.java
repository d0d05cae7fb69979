package org.envmon.streams.internals.health;

import org.envmon.schemas.AlertState;

/**
 * A station-health transition to publish.
 *
 * @param state        OPEN or CLEARED
 * @param episodeStart when the episode started, millis UTC (part of the alert id)
 * @param at           when the transition happened (event time for cadence, wall clock for silence)
 * @param coverage     fraction of the window's hours with data (0 for a silent station)
 * @param reason       what is wrong or that data is back, for the message
 */
public record HealthChange(AlertState state, long episodeStart, long at, double coverage, String reason) {}
