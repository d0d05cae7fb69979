package org.envmon.streams.internals;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serde;

/**
 * The valid samples of one station-hour, per parameter, kept for the late bound so late data
 * can recompute the hour. Mutable; the store holds its serialized form.
 */
public final class HourState {
  public static final Serde<HourState> SERDE = StateSerde.of("hour state", (byte) 1, (out, s) -> write(s, out), HourState::read);

  /** One parameter's samples in the hour. */
  public static final class Accumulator {
    private final List<Double> samples = new ArrayList<>();
    private int minutes;
    private final SortedSet<String> flags = new TreeSet<>();
    private int revision = -1;

    /** Adds one sub-hourly sample; invalid samples leave only their flags. */
    void add(double value, boolean valid, int sampleMinutes, Iterable<String> sampleFlags) {
      sampleFlags.forEach(flags::add);
      if (valid) {
        samples.add(value);
        minutes = Math.min(60, minutes + sampleMinutes);
      }
    }

    /** Replaces everything with one hourly mean (a feed re-sending an hour corrects it). */
    void replace(double value, boolean valid, int sampleMinutes, Iterable<String> sampleFlags) {
      samples.clear();
      minutes = 0;
      flags.clear();
      add(value, valid, sampleMinutes, sampleFlags);
    }

    /** The valid samples, in arrival order. */
    public List<Double> samples() {
      return samples;
    }

    public int minutes() {
      return minutes;
    }

    public SortedSet<String> flags() {
      return flags;
    }

    /** -1 until first emitted, then the revision last emitted. */
    public int revision() {
      return revision;
    }

    /** Marks the next emission and returns its revision. */
    int nextRevision() {
      return ++revision;
    }
  }

  private final TreeMap<String, Accumulator> byParameter = new TreeMap<>();

  /** The parameter's accumulator, created empty on first use. */
  public Accumulator accumulator(String parameter) {
    return byParameter.computeIfAbsent(parameter, p -> new Accumulator());
  }

  /** Accumulators in parameter order. */
  public Map<String, Accumulator> byParameter() {
    return byParameter;
  }

  private static void write(HourState state, DataOutputStream out) throws IOException {
    out.writeInt(state.byParameter.size());
    for (Map.Entry<String, Accumulator> e : state.byParameter.entrySet()) {
      Accumulator a = e.getValue();
      out.writeUTF(e.getKey());
      out.writeInt(a.samples.size());
      for (double v : a.samples) {
        out.writeDouble(v);
      }
      out.writeInt(a.minutes);
      out.writeInt(a.revision);
      out.writeInt(a.flags.size());
      for (String flag : a.flags) {
        out.writeUTF(flag);
      }
    }
  }

  private static HourState read(DataInputStream in) throws IOException {
    HourState state = new HourState();
    int parameters = in.readInt();
    for (int i = 0; i < parameters; i++) {
      Accumulator a = state.accumulator(in.readUTF());
      int samples = in.readInt();
      for (int v = 0; v < samples; v++) {
        a.samples.add(in.readDouble());
      }
      a.minutes = in.readInt();
      a.revision = in.readInt();
      int flags = in.readInt();
      for (int f = 0; f < flags; f++) {
        a.flags.add(in.readUTF());
      }
    }
    return state;
  }
}
