package org.envmon.standards.catalog;

/**
 * An AQI band (HJ 633 Table 2).
 *
 * @param maxAqi highest AQI of the band (inclusive)
 * @param level 1 (一级) .. 6 (六级)
 * @param category 优, 良, 轻度污染, 中度污染, 重度污染, 严重污染
 * @param colour RGB hex, e.g. "#00E400"
 */
public record AqiCategory(int maxAqi, int level, String category, String colour) {}
