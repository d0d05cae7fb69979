package org.envmon.sinks.influx.point;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One InfluxDB point: measurement, tags, typed fields and a millisecond timestamp. Tags are kept
 * sorted so the encoded line is canonical; the identity (measurement + tags + time) is what makes
 * a re-delivered point overwrite itself.
 */
public final class LinePoint {
  private final String measurement;
  private final Map<String, String> tags;
  private final Map<String, Object> fields;
  private final long timeMillis;

  private LinePoint(Builder b) {
    this.measurement = b.measurement;
    this.tags = Collections.unmodifiableMap(new TreeMap<>(b.tags));
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
    this.timeMillis = b.timeMillis;
  }

  public static Builder measurement(String measurement) {
    return new Builder(measurement);
  }

  public String measurement() {
    return measurement;
  }

  /** Tags, sorted by key. */
  public Map<String, String> tags() {
    return tags;
  }

  /** Fields in insertion order: {@link Double}, {@link Long}, {@link Boolean} or {@link String}. */
  public Map<String, Object> fields() {
    return fields;
  }

  public long timeMillis() {
    return timeMillis;
  }

  /** The point in InfluxDB line protocol with millisecond precision, without a trailing newline. */
  public String toLineProtocol() {
    return LineProtocol.encode(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinePoint p && p.measurement.equals(measurement) && p.tags.equals(tags)
        && p.fields.equals(fields) && p.timeMillis == timeMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(measurement, tags, fields, timeMillis);
  }

  @Override
  public String toString() {
    return toLineProtocol();
  }

  /**
   * Builds a point. Absent values (null, NaN, infinite) are left out rather than written, because
   * line protocol has no null; an empty tag value is left out for the same reason.
   */
  public static final class Builder {
    private final String measurement;
    private final Map<String, String> tags = new TreeMap<>();
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private Long timeMillis;

    private Builder(String measurement) {
      LineProtocol.requireName("measurement", measurement);
      this.measurement = measurement;
    }

    public Builder tag(String key, String value) {
      LineProtocol.requireName("tag key", key);
      if (value != null && !value.isEmpty()) {
        LineProtocol.requireNoLineBreak("tag " + key, value);
        tags.put(key, value);
      }
      return this;
    }

    public Builder field(String key, Double value) {
      LineProtocol.requireName("field key", key);
      if (value != null && Double.isFinite(value)) {
        fields.put(key, value);
      }
      return this;
    }

    public Builder field(String key, Integer value) {
      LineProtocol.requireName("field key", key);
      if (value != null) {
        fields.put(key, value.longValue());
      }
      return this;
    }

    public Builder field(String key, Boolean value) {
      LineProtocol.requireName("field key", key);
      if (value != null) {
        fields.put(key, value);
      }
      return this;
    }

    public Builder field(String key, String value) {
      LineProtocol.requireName("field key", key);
      if (value != null) {
        fields.put(key, value);
      }
      return this;
    }

    public Builder time(long epochMillis) {
      this.timeMillis = epochMillis;
      return this;
    }

    public LinePoint build() {
      if (timeMillis == null) {
        throw new IllegalStateException("point " + measurement + " " + tags + " has no timestamp");
      }
      if (fields.isEmpty()) {
        throw new IllegalStateException("point " + measurement + " " + tags
            + " has no field with a value; line protocol needs at least one field");
      }
      return new LinePoint(this);
    }
  }
}
