package org.envmon.standards.water;

import java.util.List;
import java.util.Map;
import org.envmon.standards.Parameter;

/**
 * A monitoring section's class by the single-factor method.
 *
 * @param sectionClass the worst class of the evaluated indicators
 * @param indicators the class of every evaluated indicator
 * @param determining the indicators whose class is the section's class
 * @param reportedSeparately total nitrogen of lakes: classified but not part of the section class
 */
public record SectionClassification(WaterClass sectionClass, Map<Parameter, WaterClass> indicators,
    List<Parameter> determining, Map<Parameter, WaterClass> reportedSeparately) {

  public SectionClassification {
    indicators = Map.copyOf(indicators);
    determining = List.copyOf(determining);
    reportedSeparately = Map.copyOf(reportedSeparately);
  }
}
