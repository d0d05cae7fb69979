package org.envmon.standards;

/**
 * A computed statistic with its data-capture counts.
 *
 * @param value the value, or null when there was no valid input at all
 * @param count how many valid inputs went into it
 * @param required how many valid inputs the validity rule demands
 * @param valid whether the validity rule is met; an invalid result must never be treated as a
 *     compliance value
 * @param standard the standard whose rules judged it, e.g. "GB 3095-2012"
 */
public record StatisticResult(Double value, int count, int required, boolean valid, String standard) {}
