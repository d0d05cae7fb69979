package org.envmon.streams.internals;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;

/**
 * The 24 hourly means of each parameter of one station's Beijing natural day (NaN: missing or
 * invalid hour), kept for the late bound so late hours can recompute the day. Mutable.
 */
public final class DayState {
  public static final Serde<DayState> SERDE = StateSerde.of("day state", (byte) 1, (out, s) -> write(s, out), DayState::read);

  private final TreeMap<String, double[]> hours = new TreeMap<>();
  private String district = "";
  private int revision = -1;

  /** Sets one hour (0-23) of one parameter. */
  public void set(String parameter, int hourOfDay, double value) {
    hours.computeIfAbsent(parameter, p -> {
      double[] day = new double[24];
      Arrays.fill(day, Double.NaN);
      return day;
    })[hourOfDay] = value;
  }

  /** Hourly means per parameter, in parameter order. */
  public Map<String, double[]> hours() {
    return hours;
  }

  public String district() {
    return district;
  }

  public void district(String district) {
    this.district = district == null ? "" : district;
  }

  /** -1 until the day is first emitted, then the revision last emitted. */
  public int revision() {
    return revision;
  }

  /** Marks the next emission and returns its revision. */
  public int nextRevision() {
    return ++revision;
  }

  private static void write(DayState s, DataOutputStream out) throws IOException {
    out.writeUTF(s.district);
    out.writeInt(s.revision);
    out.writeInt(s.hours.size());
    for (Map.Entry<String, double[]> e : s.hours.entrySet()) {
      out.writeUTF(e.getKey());
      for (double v : e.getValue()) {
        out.writeDouble(v);
      }
    }
  }

  private static DayState read(DataInputStream in) throws IOException {
    DayState s = new DayState();
    s.district = in.readUTF();
    s.revision = in.readInt();
    int parameters = in.readInt();
    for (int i = 0; i < parameters; i++) {
      double[] day = new double[24];
      String parameter = in.readUTF();
      for (int h = 0; h < 24; h++) {
        day[h] = in.readDouble();
      }
      s.hours.put(parameter, day);
    }
    return s;
  }
}
