package org.envmon.streams.qc;

/**
 * What QC remembers per (station, parameter) to find stuck values and spikes.
 *
 * @param lastValue      last usable value, in the envmon unit
 * @param repeats        how many times in a row {@code lastValue} was seen
 * @param lastObservedAt its observation time, epoch millis
 */
public record QcHistory(double lastValue, int repeats, long lastObservedAt) {}
