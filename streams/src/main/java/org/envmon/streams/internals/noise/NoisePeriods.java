package org.envmon.streams.internals.noise;

/**
 * What the noise stage keeps per (station, parameter): the open period and the one closed
 * before it, so that a late or revised hour of the previous period re-emits its statistics with
 * a higher revision instead of being lost.
 *
 * @param current  the open (or complete but still newest) period, never null
 * @param previous the period closed before it, or null
 */
public record NoisePeriods(NoisePeriodLevels current, NoisePeriodLevels previous) {}
