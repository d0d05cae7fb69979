package org.envmon.streams.internals.water;

/**
 * What the water stage keeps per section: the open period and the one classified before it, so a
 * late or revised sample of the previous period re-classifies it with a higher revision.
 *
 * @param current  the open period, never null
 * @param previous the period classified before it, or null
 */
public record WaterPeriods(WaterPeriodSamples current, WaterPeriodSamples previous) {}
