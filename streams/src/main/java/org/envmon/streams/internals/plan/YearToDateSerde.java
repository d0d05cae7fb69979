package org.envmon.streams.internals.plan;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.envmon.streams.internals.StateSerde;

/** Serde of {@link YearToDate} for the plan store (format 4: the open days are kept apart, in {@link OpenDays}). */
final class YearToDateSerde {
  private static final long NO_DAY = Long.MIN_VALUE;

  private YearToDateSerde() {}

  static Serde<YearToDate> serde() {
    return StateSerde.of("plan year-to-date", (byte) 4, YearToDateSerde::write, YearToDateSerde::read);
  }

  private static void write(DataOutputStream out, YearToDate y) throws IOException {
    out.writeInt(y.dataYear());
    out.writeDouble(y.pm25Sum());
    out.writeInt(y.pm25Days());
    out.writeInt(y.aqiDays());
    out.writeInt(y.goodDays());
    out.writeInt(y.heavyDays());
    out.writeLong(y.lastClosed() == null ? NO_DAY : y.lastClosed().toEpochDay());
    out.writeInt(y.pollutedRun().size());
    for (int aqi : y.pollutedRun()) {
      out.writeInt(aqi);
    }
    out.writeInt(y.stationDays().size());
    for (Map.Entry<String, LocalDate> station : y.stationDays().entrySet()) {
      out.writeUTF(station.getKey());
      out.writeLong(station.getValue().toEpochDay());
    }
    out.writeInt(y.stationArrivals().size());
    for (Map.Entry<String, Long> station : y.stationArrivals().entrySet()) {
      out.writeUTF(station.getKey());
      out.writeLong(station.getValue());
    }
  }

  private static YearToDate read(DataInputStream in) throws IOException {
    int year = in.readInt();
    double sum = in.readDouble();
    int pDays = in.readInt();
    int aDays = in.readInt();
    int good = in.readInt();
    int heavy = in.readInt();
    long last = in.readLong();
    int runLength = in.readInt();
    List<Integer> run = new ArrayList<>(runLength);
    for (int i = 0; i < runLength; i++) {
      run.add(in.readInt());
    }
    int stationCount = in.readInt();
    Map<String, LocalDate> stationDays = new TreeMap<>();
    for (int s = 0; s < stationCount; s++) {
      stationDays.put(in.readUTF(), LocalDate.ofEpochDay(in.readLong()));
    }
    int arrivalCount = in.readInt();
    Map<String, Long> arrivals = new TreeMap<>();
    for (int s = 0; s < arrivalCount; s++) {
      arrivals.put(in.readUTF(), in.readLong());
    }
    return new YearToDate(year, sum, pDays, aDays, good, heavy, last == NO_DAY ? null : LocalDate.ofEpochDay(last), run,
        stationDays, arrivals);
  }
}
