package org.envmon.streams.qc;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.envmon.standards.Parameter;

/**
 * Converts a value from the unit a feed sent to the unit envmon stores ({@link Parameter#unit()}).
 * Mixing ratios (ppb, ppm) become mass concentrations at the reference state of the date:
 * 298.15 K / 1013.25 hPa (molar volume 24.465 L/mol) from 2018-09-01, 273.15 K (22.414 L/mol)
 * before, as GB 3095's 2018 amendment changed it.
 */
public final class UnitNormaliser {
  /** Beijing date from which gases are referred to 298.15 K. */
  public static final LocalDate REFERENCE_STATE_CHANGE = LocalDate.of(2018, 9, 1);
  private static final double MOLAR_VOLUME_298K = 24.465;
  private static final double MOLAR_VOLUME_273K = 22.414;
  private static final Map<Parameter, Double> MOLAR_MASS = new EnumMap<>(Map.of(
      Parameter.SO2, 64.066, Parameter.NO2, 46.0055, Parameter.NOX, 46.0055,
      Parameter.CO, 28.010, Parameter.O3, 47.997));

  private UnitNormaliser() {}

  /**
   * The value in the parameter's envmon unit, or empty when the unit cannot be converted (the
   * caller rejects the reading with that reason).
   */
  public static OptionalDouble toCanonical(Parameter parameter, double value, String unit, LocalDate date) {
    String from = normalise(unit);
    String to = normalise(parameter.unit());
    if (from.equals(to)) {
      return OptionalDouble.of(value);
    }
    double ugPerM3 = switch (from) {
      case "ug/m3" -> value;
      case "mg/m3" -> value * 1000;
      case "ppb" -> fromMixingRatio(parameter, value, date);
      case "ppm" -> fromMixingRatio(parameter, value * 1000, date);
      default -> Double.NaN;
    };
    if (Double.isNaN(ugPerM3)) {
      return OptionalDouble.empty();
    }
    return switch (to) {
      case "ug/m3" -> OptionalDouble.of(ugPerM3);
      case "mg/m3" -> OptionalDouble.of(ugPerM3 / 1000);
      default -> OptionalDouble.empty();
    };
  }

  private static double fromMixingRatio(Parameter parameter, double ppb, LocalDate date) {
    Double molarMass = MOLAR_MASS.get(parameter);
    if (molarMass == null) {
      return Double.NaN; // particles and non-gases have no mixing ratio
    }
    double molarVolume = date.isBefore(REFERENCE_STATE_CHANGE) ? MOLAR_VOLUME_273K : MOLAR_VOLUME_298K;
    return ppb * molarMass / molarVolume;
  }

  private static String normalise(String unit) {
    if (unit == null) {
      return "";
    }
    return unit.strip().toLowerCase(Locale.ROOT).replace("µ", "u").replace("μ", "u").replace("³", "3");
  }
}
