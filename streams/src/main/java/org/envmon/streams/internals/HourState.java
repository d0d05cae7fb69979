package org.envmon.streams.internals;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serde;

/**
 * The valid samples of one station-hour, per parameter, as running aggregates, kept for the
 * late bound so late data can recompute the hour. Constant size per parameter: with minute data
 * a list of samples made every reading re-read and re-write the whole hour. Mutable; the store
 * holds its serialized form.
 */
public final class HourState {
  public static final Serde<HourState> SERDE = StateSerde.of("hour state", (byte) 2, (out, s) -> write(s, out), HourState::read);

  /**
   * One parameter's valid samples in the hour, reduced to what {@link HourlyMean} combines them
   * by. Every aggregate is kept for every parameter, so the state needs no knowledge of how a
   * parameter is averaged. The sums add in arrival order, as a mean over the sample list did.
   */
  public static final class Accumulator {
    private int count;
    private double sum;
    private double energySum;
    private double max = Double.NEGATIVE_INFINITY;
    private int minutes;
    private final SortedSet<String> flags = new TreeSet<>();
    private int revision = -1;

    /** Adds one sub-hourly sample; invalid samples leave only their flags. */
    void add(double value, boolean valid, int sampleMinutes, Iterable<String> sampleFlags) {
      sampleFlags.forEach(flags::add);
      if (valid) {
        count++;
        sum += value;
        energySum += HourlyMean.energy(value);
        max = Math.max(max, value);
        minutes = Math.min(60, minutes + sampleMinutes);
      }
    }

    /** Replaces everything with one hourly mean (a feed re-sending an hour corrects it). */
    void replace(double value, boolean valid, int sampleMinutes, Iterable<String> sampleFlags) {
      count = 0;
      sum = 0;
      energySum = 0;
      max = Double.NEGATIVE_INFINITY;
      minutes = 0;
      flags.clear();
      add(value, valid, sampleMinutes, sampleFlags);
    }

    /** Number of valid samples. */
    public int count() {
      return count;
    }

    /** Arithmetic sum of the valid samples. */
    public double sum() {
      return sum;
    }

    /** Sum of the valid samples' sound energies, {@code 10^(L/10)}. */
    public double energySum() {
      return energySum;
    }

    /** Largest valid sample; negative infinity while there is none. */
    public double max() {
      return max;
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
      out.writeInt(a.count);
      out.writeDouble(a.sum);
      out.writeDouble(a.energySum);
      out.writeDouble(a.max);
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
      a.count = in.readInt();
      a.sum = in.readDouble();
      a.energySum = in.readDouble();
      a.max = in.readDouble();
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
