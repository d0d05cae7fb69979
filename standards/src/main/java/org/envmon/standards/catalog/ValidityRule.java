package org.envmon.standards.catalog;

import org.envmon.standards.Statistic;

/**
 * A data-capture rule (GB 3095 Table 4, HJ 663).
 *
 * @param id e.g. "GB3095.T4.DAILY_MEAN"
 * @param source standard and table
 * @param statistic the statistic it guards
 * @param required minimum minutes (hour mean), hours, windows or days
 * @param perMonth minimum daily values per month (annual mean only; 0 otherwise)
 * @param february minimum daily values in February (annual mean only; 0 otherwise)
 */
public record ValidityRule(String id, String source, Statistic statistic, int required, int perMonth,
    int february) {}
