package org.envmon.standards;

/** What a rule or a computed value is a statistic of; rules and aggregates are matched on it. */
public enum Statistic {
  /** One hourly mean (GB 3095 1-hour mean, needs >= 45 min of sampling). */
  HOUR_MEAN,
  /** Mean of 8 consecutive hourly means. */
  ROLLING_8H,
  /** Mean of 24 consecutive hourly means. */
  ROLLING_24H,
  /** Mean of the hourly means of one natural (Beijing) day. */
  DAILY_MEAN,
  /** Largest O3 hourly mean of one natural day. */
  O3_1H_MAX,
  /** Daily maximum 8-hour mean of O3 (17 windows inside the day). */
  O3_MDA8,
  /** Mean of the daily means of one year. */
  ANNUAL_MEAN,
  /** A percentile of daily values over a year (HJ 663). */
  PERCENTILE,
  /** Noise Leq over the day period 06-22. */
  LEQ_DAY,
  /** Noise Leq over the night period 22-06. */
  LEQ_NIGHT,
  /** Largest sudden noise level at night. */
  LMAX_NIGHT,
  /** A surface-water indicator compared with its class limits. */
  WATER_CLASS,
  /** One measured value (water samples, VOCs single values). */
  HOUR_VALUE,
  /** Any single value (VOCs "any single value" comparator). */
  SINGLE_VALUE,
  /** A plan target for a year (annual mean, ratio, day count). */
  PLAN_TARGET
}
