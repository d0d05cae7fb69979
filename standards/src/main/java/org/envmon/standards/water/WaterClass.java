package org.envmon.standards.water;

/** GB 3838-2002 water quality classes; WORSE_THAN_V is 劣V类. */
public enum WaterClass {
  I("I", "优"),
  II("II", "优"),
  III("III", "良好"),
  IV("IV", "轻度污染"),
  V("V", "中度污染"),
  WORSE_THAN_V("劣V", "重度污染");

  private final String display;
  private final String label;

  WaterClass(String display, String label) {
    this.display = display;
    this.label = label;
  }

  /** "I" .. "V", "劣V". */
  public String display() {
    return display;
  }

  /** The quality label: 优, 良好, 轻度污染, 中度污染, 重度污染. */
  public String label() {
    return label;
  }

  /** Whether the class is III or better (the plans' "good water"). */
  public boolean goodWater() {
    return ordinal() <= III.ordinal();
  }
}
