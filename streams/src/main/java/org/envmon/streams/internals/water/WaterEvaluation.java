package org.envmon.streams.internals.water;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.envmon.schemas.Aggregate;
import org.envmon.schemas.Medium;
import org.envmon.standards.Parameter;
import org.envmon.standards.Statistic;
import org.envmon.standards.water.SectionClassification;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.WaterClassifier;
import org.envmon.streams.internals.BeijingTime;

/**
 * Classifies a closed water evaluation period with the standards' classifier (single-factor
 * method, lake TP column for LAKE stations, TN of lakes reported separately) and turns the result
 * into WATER_CLASS aggregates: one per indicator (parameter = indicator) and one for the section
 * (parameter = SECTION). Values are class numbers 1-5, and 6 for 劣V.
 */
public final class WaterEvaluation {
  /** The standard that defines the classes. */
  public static final String STANDARD = "GB 3838-2002";
  /** Parameter of the section-class aggregate. */
  public static final String SECTION = "SECTION";

  private final WaterClassifier classifier;
  private final int periodDays;

  public WaterEvaluation(WaterClassifier classifier, int periodDays) {
    this.classifier = classifier;
    this.periodDays = periodDays;
  }

  /** The class result and its aggregates. */
  public record Result(SectionClassification classification, List<Aggregate> aggregates) {}

  /** Class number as stored in aggregates: I = 1 ... V = 5, 劣V = 6. */
  public static int number(WaterClass c) {
    return c.ordinal() + 1;
  }

  /**
   * Classifies the period.
   *
   * @throws IllegalArgumentException when no indicator of the period can be classified
   */
  public Result evaluate(String stationId, String bodyType, WaterPeriodSamples samples) {
    LocalDate first = samples.firstDay(periodDays);
    Map<Parameter, Double> means = new EnumMap<>(Parameter.class);
    Map<Parameter, Integer> counts = new EnumMap<>(Parameter.class);
    samples.means().forEach((code, mean) -> Parameter.fromCode(code).ifPresent(p -> {
      means.put(p, mean);
      counts.put(p, samples.count(code));
    }));
    SectionClassification c = classifier.classifySection(first, means, bodyType);
    long start = BeijingTime.startOf(first);
    long end = BeijingTime.startOf(first.plusDays(periodDays));
    List<Aggregate> out = new ArrayList<>();
    c.indicators().forEach((p, wc) -> out.add(aggregate(stationId, samples, p.code(), wc, counts.get(p), start, end)));
    c.reportedSeparately().forEach((p, wc) -> out.add(aggregate(stationId, samples, p.code(), wc, counts.get(p), start,
        end)));
    out.sort(java.util.Comparator.comparing(Aggregate::getParameter));
    out.add(aggregate(stationId, samples, SECTION, c.sectionClass(), c.indicators().size(), start, end));
    return new Result(c, out);
  }

  private static Aggregate aggregate(String stationId, WaterPeriodSamples s, String parameter, WaterClass c, int count,
                                     long start, long end) {
    return Aggregate.newBuilder()
        .setStationId(stationId).setDistrict(s.district()).setMedium(Medium.WATER)
        .setParameter(parameter).setStatistic(Statistic.WATER_CLASS.name())
        .setPeriodStart(Instant.ofEpochMilli(start)).setPeriodEnd(Instant.ofEpochMilli(end))
        .setValue((double) number(c)).setUnit("class").setCount(count).setRequired(1).setValid(true)
        .setStandard(STANDARD).setRevision(s.emissions())
        .build();
  }
}
