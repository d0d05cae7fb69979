package org.envmon.sinks.influx.point;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One InfluxDB point: measurement, tags, typed fields and a millisecond timestamp. Tags are kept
 * sorted so the encoded line is canonical; the identity (measurement + tags + time) is what makes
 * a re-delivered point overwrite itself.
 *
 * <p>Tags and fields are held in small arrays rather than maps: a sink batch builds thousands of
 * points and renders each once, so the maps are only made (as read-only views) when asked for.
 */
public final class LinePoint {
  private final String measurement;
  /** The first {@link #tagCount} are the tags, sorted by key (String order, as a TreeMap would). */
  private final String[] tagKeys;
  private final String[] tagValues;
  private final int tagCount;
  /** The first {@link #fieldCount} are the fields, in insertion order. */
  private final String[] fieldKeys;
  private final Object[] fieldValues;
  private final int fieldCount;
  private final long timeMillis;

  /** Takes the builder's arrays; the builder copies them before it changes anything again. */
  private LinePoint(Builder b) {
    this.measurement = b.measurement;
    this.tagKeys = b.tagKeys;
    this.tagValues = b.tagValues;
    this.tagCount = b.tagCount;
    this.fieldKeys = b.fieldKeys;
    this.fieldValues = b.fieldValues;
    this.fieldCount = b.fieldCount;
    this.timeMillis = b.timeMillis;
  }

  public static Builder measurement(String measurement) {
    return new Builder(measurement);
  }

  public String measurement() {
    return measurement;
  }

  /** Tags, sorted by key (read-only). */
  public Map<String, String> tags() {
    return new ArrayMap<>(tagKeys, tagValues, tagCount);
  }

  /** Fields in insertion order (read-only): {@link Double}, {@link Long}, {@link Boolean} or {@link String}. */
  public Map<String, Object> fields() {
    return new ArrayMap<>(fieldKeys, fieldValues, fieldCount);
  }

  public long timeMillis() {
    return timeMillis;
  }

  /** The point in InfluxDB line protocol with millisecond precision, without a trailing newline. */
  public String toLineProtocol() {
    return LineProtocol.encode(this);
  }

  int tagCount() {
    return tagCount;
  }

  String tagKey(int i) {
    return tagKeys[i];
  }

  String tagValue(int i) {
    return tagValues[i];
  }

  int fieldCount() {
    return fieldCount;
  }

  String fieldKey(int i) {
    return fieldKeys[i];
  }

  Object fieldValue(int i) {
    return fieldValues[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinePoint p && p.measurement.equals(measurement) && p.tags().equals(tags())
        && p.fields().equals(fields()) && p.timeMillis == timeMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(measurement, tags(), fields(), timeMillis);
  }

  @Override
  public String toString() {
    return toLineProtocol();
  }

  /**
   * Builds a point. Absent values (null, NaN, infinite) are left out rather than written, because
   * line protocol has no null; an empty tag value is left out for the same reason. Setting a tag
   * or field again replaces its value; a field keeps the position it was first set at.
   */
  public static final class Builder {
    private final String measurement;
    private String[] tagKeys = new String[6];
    private String[] tagValues = new String[6];
    private int tagCount;
    private String[] fieldKeys = new String[4];
    private Object[] fieldValues = new Object[4];
    private int fieldCount;
    private long timeMillis;
    private boolean hasTime;
    /** Whether a built point holds the arrays, which must then be copied before a change. */
    private boolean shared;

    private Builder(String measurement) {
      LineProtocol.requireName("measurement", measurement);
      this.measurement = measurement;
    }

    public Builder tag(String key, String value) {
      LineProtocol.requireName("tag key", key);
      if (value != null && !value.isEmpty()) {
        LineProtocol.requireNoLineBreak("tag ", key, value);
        putTag(key, value);
      }
      return this;
    }

    public Builder field(String key, Double value) {
      LineProtocol.requireName("field key", key);
      if (value != null && Double.isFinite(value)) {
        putField(key, value);
      }
      return this;
    }

    public Builder field(String key, Integer value) {
      LineProtocol.requireName("field key", key);
      if (value != null) {
        putField(key, value.longValue());
      }
      return this;
    }

    public Builder field(String key, Boolean value) {
      LineProtocol.requireName("field key", key);
      if (value != null) {
        putField(key, value);
      }
      return this;
    }

    public Builder field(String key, String value) {
      LineProtocol.requireName("field key", key);
      if (value != null) {
        putField(key, value);
      }
      return this;
    }

    public Builder time(long epochMillis) {
      this.timeMillis = epochMillis;
      this.hasTime = true;
      return this;
    }

    public LinePoint build() {
      if (!hasTime) {
        throw new IllegalStateException("point " + measurement + " " + tagMap() + " has no timestamp");
      }
      if (fieldCount == 0) {
        throw new IllegalStateException("point " + measurement + " " + tagMap()
            + " has no field with a value; line protocol needs at least one field");
      }
      shared = true;
      return new LinePoint(this);
    }

    private void unshare() {
      if (shared) {
        tagKeys = tagKeys.clone();
        tagValues = tagValues.clone();
        fieldKeys = fieldKeys.clone();
        fieldValues = fieldValues.clone();
        shared = false;
      }
    }

    private Map<String, String> tagMap() {
      return new ArrayMap<>(tagKeys, tagValues, tagCount);
    }

    /** Sorted insert (a handful of tags: a linear scan beats a tree). */
    private void putTag(String key, String value) {
      unshare();
      int i = tagCount;
      while (i > 0) {
        int c = tagKeys[i - 1].compareTo(key);
        if (c == 0) {
          tagValues[i - 1] = value;
          return;
        }
        if (c < 0) {
          break;
        }
        i--;
      }
      if (tagCount == tagKeys.length) {
        tagKeys = Arrays.copyOf(tagKeys, tagCount * 2);
        tagValues = Arrays.copyOf(tagValues, tagCount * 2);
      }
      for (int j = tagCount; j > i; j--) {
        tagKeys[j] = tagKeys[j - 1];
        tagValues[j] = tagValues[j - 1];
      }
      tagKeys[i] = key;
      tagValues[i] = value;
      tagCount++;
    }

    private void putField(String key, Object value) {
      unshare();
      for (int i = 0; i < fieldCount; i++) {
        if (fieldKeys[i].equals(key)) {
          fieldValues[i] = value;
          return;
        }
      }
      if (fieldCount == fieldKeys.length) {
        fieldKeys = Arrays.copyOf(fieldKeys, fieldCount * 2);
        fieldValues = Arrays.copyOf(fieldValues, fieldCount * 2);
      }
      fieldKeys[fieldCount] = key;
      fieldValues[fieldCount] = value;
      fieldCount++;
    }
  }
}
