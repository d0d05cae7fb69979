package org.envmon.standards;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every parameter envmon knows, with its medium and the unit envmon stores it in after
 * normalisation. Tags in InfluxDB and codes on the wire use {@link #code()}.
 */
public enum Parameter {
  // Air (GB 3095): gases in ug/m3 at the reference state, CO in mg/m3.
  PM2_5("AIR", "ug/m3", 0, 1000),
  PM10("AIR", "ug/m3", 0, 2000),
  SO2("AIR", "ug/m3", 0, 3000),
  NO2("AIR", "ug/m3", 0, 2000),
  CO("AIR", "mg/m3", 0, 150),
  O3("AIR", "ug/m3", 0, 1500),
  NOX("AIR", "ug/m3", 0, 5000),
  TSP("AIR", "ug/m3", 0, 5000),
  // Noise (GB 3096): A-weighted levels.
  LA("NOISE", "dB(A)", 20, 140),
  LEQ("NOISE", "dB(A)", 20, 140),
  LMAX("NOISE", "dB(A)", 20, 150),
  // Surface water (GB 3838 Table 1).
  PH("WATER", "pH", 0, 14),
  DO("WATER", "mg/L", 0, 25),
  CODMN("WATER", "mg/L", 0, 100),
  COD("WATER", "mg/L", 0, 1000),
  BOD5("WATER", "mg/L", 0, 500),
  NH3N("WATER", "mg/L", 0, 100),
  TP("WATER", "mg/L", 0, 50),
  TN("WATER", "mg/L", 0, 100),
  WATER_TEMP("WATER", "degC", -5, 45),
  // VOCs (screening comparators GB 37822 / GB 16297), mg/m3.
  NMHC("VOC", "mg/m3", 0, 500),
  BENZENE("VOC", "mg/m3", 0, 100),
  TOLUENE("VOC", "mg/m3", 0, 100),
  XYLENE("VOC", "mg/m3", 0, 100);

  private static final Map<String, Parameter> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Parameter::code, Function.identity()));

  private final String medium;
  private final String unit;
  private final double physicalMin;
  private final double physicalMax;

  Parameter(String medium, String unit, double physicalMin, double physicalMax) {
    this.medium = medium;
    this.unit = unit;
    this.physicalMin = physicalMin;
    this.physicalMax = physicalMax;
  }

  /** The code on the wire and in InfluxDB tags, e.g. {@code PM2_5}. */
  public String code() {
    return name();
  }

  /** AIR, WATER, NOISE or VOC (the names of {@code org.envmon.schemas.Medium}). */
  public String medium() {
    return medium;
  }

  /** The unit envmon stores the parameter in. */
  public String unit() {
    return unit;
  }

  /** Lowest physically possible value in {@link #unit()}; QC flags anything below. */
  public double physicalMin() {
    return physicalMin;
  }

  /** Highest plausible value in {@link #unit()}; QC flags anything above as out of range. */
  public double physicalMax() {
    return physicalMax;
  }

  /** Looks a code up, accepting the common spellings PM2.5 / pm25 for PM2_5. */
  public static Optional<Parameter> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip().toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    if (c.equals("PM25")) {
      c = "PM2_5";
    }
    return Optional.ofNullable(BY_CODE.get(c));
  }
}
