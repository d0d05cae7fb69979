package org.envmon.ingest.hj212;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.envmon.standards.BeijingZone;
import org.envmon.standards.Parameter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The configurable part of HJ 212 interpretation: the code table and the time zone of
 * DataTime, with per-station overrides. The built-in defaults live in
 * {@code org/envmon/ingest/hj212/hj212-codes.yaml}; a configuration file in the same format
 * overrides them code by code and may add a {@code stations:} section keyed by station id:
 *
 * <pre>
 * zone: "+08:00"
 * codes:
 *   "a34004": {parameter: PM2_5, unit: ug/m3}
 *   "a01001": ignore
 * stations:
 *   Dongsi:
 *     zone: "+08:00"
 *     codes:
 *       "a34004": {parameter: PM2_5, unit: ng/m3}
 * </pre>
 */
public final class Hj212Mapping {
  private static final String DEFAULTS = "/org/envmon/ingest/hj212/hj212-codes.yaml";

  private final ZoneId zone;
  private final Hj212CodeTable codes;
  private final Map<String, ZoneId> stationZones;
  private final Map<String, Hj212CodeTable> stationCodes;

  public Hj212Mapping(ZoneId zone, Hj212CodeTable codes, Map<String, ZoneId> stationZones,
                      Map<String, Hj212CodeTable> stationCodeOverrides) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.codes = Objects.requireNonNull(codes, "codes");
    this.stationZones = Map.copyOf(stationZones);
    Map<String, Hj212CodeTable> merged = new HashMap<>();
    stationCodeOverrides.forEach((station, table) -> merged.put(station, codes.overriddenBy(table)));
    this.stationCodes = Map.copyOf(merged);
  }

  /** The built-in table (HJ 212-2017 Appendix B and 2005 codes), DataTime in UTC+8. */
  public static Hj212Mapping defaults() {
    try (InputStream in = Hj212Mapping.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DEFAULTS + " is missing from the ingest jar");
      }
      return parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), DEFAULTS, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULTS, e);
    }
  }

  /** The defaults, overridden by the YAML file at {@code path}. */
  public static Hj212Mapping load(Path path) {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return parse(reader, path.toString(), defaults());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read HJ 212 mapping file " + path + ": " + e.getMessage(), e);
    }
  }

  /** The defaults, overridden by the YAML text from {@code reader}; {@code origin} names it in errors. */
  public static Hj212Mapping load(Reader reader, String origin) {
    return parse(reader, origin, defaults());
  }

  public ZoneId zone(String stationId) {
    return stationZones.getOrDefault(stationId, zone);
  }

  public Hj212CodeTable codes(String stationId) {
    return stationCodes.getOrDefault(stationId, codes);
  }

  private static Hj212Mapping parse(Reader reader, String origin, Hj212Mapping base) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage(), e);
    }
    Map<?, ?> top = root == null ? Map.of() : asMap(root, origin);
    ZoneId zone = top.containsKey("zone") ? zone(top.get("zone"), origin + ": zone")
        : base == null ? BeijingZone.OFFSET : base.zone;
    Hj212CodeTable codes = codeTable(top.get("codes"), origin + ": codes");
    if (base != null) {
      codes = base.codes.overriddenBy(codes);
    }
    Map<String, ZoneId> stationZones = new HashMap<>(base == null ? Map.of() : base.stationZones);
    Map<String, Hj212CodeTable> stationOverrides = new HashMap<>();
    if (top.get("stations") != null) {
      for (Map.Entry<?, ?> e : asMap(top.get("stations"), origin + ": stations").entrySet()) {
        String where = origin + ": stations." + e.getKey();
        Map<?, ?> station = asMap(e.getValue(), where);
        if (station.get("zone") != null) {
          stationZones.put(String.valueOf(e.getKey()), zone(station.get("zone"), where + ".zone"));
        }
        stationOverrides.put(String.valueOf(e.getKey()), codeTable(station.get("codes"), where + ".codes"));
      }
    }
    return new Hj212Mapping(zone, codes, stationZones, stationOverrides);
  }

  private static Hj212CodeTable codeTable(Object node, String where) {
    if (node == null) {
      return Hj212CodeTable.empty();
    }
    Map<String, Hj212CodeTable.Target> targets = new HashMap<>();
    Set<String> ignored = new HashSet<>();
    for (Map.Entry<?, ?> e : asMap(node, where).entrySet()) {
      if (!(e.getKey() instanceof String code)) {
        throw new IllegalArgumentException(where + ": code " + e.getKey()
            + " was read as a number; quote it (e.g. \"011\") so leading zeros survive");
      }
      Object value = e.getValue();
      if ("ignore".equals(value)) {
        ignored.add(code);
      } else if (value instanceof Map<?, ?> m) {
        Object p = m.get("parameter");
        Parameter parameter = Parameter.fromCode(p == null ? null : p.toString()).orElseThrow(() ->
            new IllegalArgumentException(where + "." + code + ": parameter '" + p
                + "' is not an envmon parameter; use one of " + java.util.Arrays.toString(Parameter.values())));
        Object unit = m.get("unit");
        targets.put(code, new Hj212CodeTable.Target(parameter, unit == null ? parameter.unit() : unit.toString()));
      } else {
        throw new IllegalArgumentException(where + "." + code
            + ": expected {parameter: ..., unit: ...} or the word ignore, got '" + value + "'");
      }
    }
    return new Hj212CodeTable(targets, ignored);
  }

  private static ZoneId zone(Object value, String where) {
    try {
      return ZoneId.of(String.valueOf(value));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(where + ": '" + value
          + "' is not a time zone; use an offset like +08:00 or a region like Asia/Shanghai", e);
    }
  }

  private static Map<?, ?> asMap(Object node, String where) {
    if (node instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalArgumentException(where + ": expected a mapping, got '" + node + "'");
  }
}
