package org.envmon.ingest.replay;

import java.time.Duration;

/**
 * How fast a replay runs: as fast as Kafka takes it, or {@code speed} simulated seconds per wall
 * second (3600 replays one hour of data per second).
 *
 * @param speed simulated seconds per wall second; {@link Double#POSITIVE_INFINITY} for no pacing
 */
public record Pacing(double speed) {
  public Pacing {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("replay speed must be a positive number of simulated seconds per"
          + " wall second, or 'max'; got " + speed);
    }
  }

  public static Pacing max() {
    return new Pacing(Double.POSITIVE_INFINITY);
  }

  /** Parses the CLI's {@code --speed}: {@code max} or a positive number. */
  public static Pacing parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.equalsIgnoreCase("max")) {
      return max();
    }
    try {
      return new Pacing(Double.parseDouble(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--speed must be 'max' or a positive number of simulated seconds per wall"
          + " second (e.g. 3600 = one hour of data per second); got '" + text + "'", e);
    }
  }

  public boolean unlimited() {
    return Double.isInfinite(speed);
  }

  /** Wall time that corresponds to the simulated time elapsed since the replay's first reading. */
  Duration wallTimeFor(Duration simulated) {
    return unlimited() ? Duration.ZERO : Duration.ofNanos((long) (simulated.toNanos() / speed));
  }

  @Override
  public String toString() {
    return unlimited() ? "max" : speed + "x";
  }
}
