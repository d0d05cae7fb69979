package org.envmon.ingest.registry;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.envmon.ingest.core.StationEntry;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Station;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the station file (format in docs/ingest-feeds.md) from the YAML node tree rather than
 * from constructed objects, so that every problem is reported with the line and column of the
 * offending key or value. Collects all problems before failing.
 */
final class StationFileParser {
  /** Beijing's 16 districts and the Economic-Technological Development Area, as the plans name them. */
  static final Set<String> DISTRICTS = Set.of("东城", "西城", "朝阳", "海淀", "丰台", "石景山", "门头沟", "房山",
      "通州", "顺义", "昌平", "大兴", "平谷", "怀柔", "密云", "延庆", "经开区");
  static final List<String> NOISE_ZONES = List.of("0", "1", "2", "3", "4a", "4b");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern MN = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final Pattern COMPARATOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Set<String> STATION_KEYS = Set.of("id", "name", "medium", "district", "lat", "lon",
      "airGrade", "noiseZone", "waterTargetClass", "waterBodyType", "vocComparator", "timeConvention",
      "cadenceSeconds", "hj212", "http");
  private static final Map<String, Medium> MEDIUM_ONLY_KEYS = Map.of("airGrade", Medium.AIR,
      "noiseZone", Medium.NOISE, "waterTargetClass", Medium.WATER, "waterBodyType", Medium.WATER,
      "vocComparator", Medium.VOC);
  private static final Set<String> HJ212_KEYS = Set.of("mn", "passwordHash", "modbusCrc");
  private static final Set<String> HTTP_KEYS = Set.of("tokenHash");
  private static final List<String> ROMAN_CLASSES = List.of("I", "II", "III", "IV", "V");

  private final String file;
  private final List<StationFileException.Problem> problems = new ArrayList<>();

  private StationFileParser(String file) {
    this.file = file;
  }

  /**
   * @param file name used in messages (the path as the operator gave it)
   * @throws StationFileException listing every problem found
   */
  static List<StationEntry> parse(Reader reader, String file) {
    StationFileParser parser = new StationFileParser(file);
    List<StationEntry> entries = parser.parseDocument(reader);
    if (!parser.problems.isEmpty()) {
      throw new StationFileException(parser.problems);
    }
    return entries;
  }

  private List<StationEntry> parseDocument(Reader reader) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(reader);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problem(mark, "not valid YAML: " + e.getProblem());
      return List.of();
    } catch (YAMLException e) {
      problems.add(new StationFileException.Problem(file, 0, 0, "not valid YAML: " + e.getMessage()));
      return List.of();
    }
    if (root == null) {
      problems.add(new StationFileException.Problem(file, 0, 0, "the file is empty; it needs a 'stations:' list"));
      return List.of();
    }
    Optional<Fields> top = Fields.of(this, root, "the file", Set.of("stations"));
    if (top.isEmpty()) {
      return List.of();
    }
    Optional<Node> stationsNode = top.get().required("stations");
    if (stationsNode.isEmpty()) {
      return List.of();
    }
    if (!(stationsNode.get() instanceof SequenceNode sequence)) {
      problem(stationsNode.get(), "'stations' must be a list of stations (each item starting with '- id: ...')");
      return List.of();
    }
    List<StationEntry> entries = new ArrayList<>();
    Map<String, Node> ids = new HashMap<>();
    Map<String, Node> mns = new HashMap<>();
    for (Node item : sequence.getValue()) {
      parseStation(item).ifPresent(parsed -> {
        Node previous = ids.putIfAbsent(parsed.entry().id(), parsed.idNode());
        if (previous != null) {
          problem(parsed.idNode(), "duplicate station id '" + parsed.entry().id() + "' (first defined on line "
              + line(previous) + ")");
          return;
        }
        if (parsed.mnNode() != null) {
          Node previousMn = mns.putIfAbsent(parsed.entry().mn().orElseThrow(), parsed.mnNode());
          if (previousMn != null) {
            problem(parsed.mnNode(), "duplicate HJ 212 MN '" + parsed.entry().mn().orElseThrow()
                + "' (also used on line " + line(previousMn) + "); each logger needs its own MN");
            return;
          }
        }
        entries.add(parsed.entry());
      });
    }
    if (entries.isEmpty() && problems.isEmpty()) {
      problem(sequence, "'stations' is empty; define at least one station");
    }
    return entries;
  }

  private record Parsed(StationEntry entry, Node idNode, Node mnNode) {}

  private Optional<Parsed> parseStation(Node item) {
    int before = problems.size();
    Optional<Fields> maybeFields = Fields.of(this, item, "a station", STATION_KEYS);
    if (maybeFields.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybeFields.get();
    String id = f.requiredText("id").orElse(null);
    if (id != null && !ID.matcher(id).matches()) {
      problem(f.node("id"), "station id '" + id + "' must be 1-64 letters, digits, '_', '.' or '-', starting with"
          + " a letter or digit (it becomes a Kafka key and an InfluxDB tag)");
    }
    String name = f.requiredText("name").orElse(null);
    Medium medium = f.requiredText("medium").flatMap(m -> f.oneOf("medium", m.toUpperCase(Locale.ROOT),
        Arrays.stream(Medium.values()).map(Medium::name).toList())).map(Medium::valueOf).orElse(null);
    String district = f.requiredText("district").orElse(null);
    if (district != null && !DISTRICTS.contains(district)) {
      problem(f.node("district"), "district '" + district + "' is not a Beijing district; use one of "
          + DISTRICTS.stream().sorted().collect(Collectors.joining(", ")) + " (plan targets are per district)");
    }
    Double lat = f.requiredNumber("lat", -90, 90).orElse(null);
    Double lon = f.requiredNumber("lon", -180, 180).orElse(null);
    if (medium != null) {
      MEDIUM_ONLY_KEYS.forEach((key, only) -> {
        if (only != medium && f.has(key)) {
          problem(f.keyNode(key), "'" + key + "' applies to " + only + " stations only; this station is " + medium);
        }
      });
    }
    Station.Builder station = Station.newBuilder();
    if (medium == Medium.AIR) {
      f.optionalText("airGrade").flatMap(g -> f.oneOf("airGrade", g, List.of("1", "2")))
          .ifPresent(g -> station.setAirGrade(Integer.parseInt(g)));
    } else if (medium == Medium.NOISE) {
      f.requiredText("noiseZone").flatMap(z -> f.oneOf("noiseZone", z.toLowerCase(Locale.ROOT), NOISE_ZONES))
          .ifPresent(station::setNoiseZone);
    } else if (medium == Medium.WATER) {
      f.requiredText("waterTargetClass").flatMap(c -> waterClass(f, c)).ifPresent(station::setWaterTargetClass);
      f.requiredText("waterBodyType").flatMap(t -> f.oneOf("waterBodyType", t.toUpperCase(Locale.ROOT),
          List.of("RIVER", "LAKE"))).ifPresent(station::setWaterBodyType);
    } else if (medium == Medium.VOC) {
      f.requiredText("vocComparator").ifPresent(c -> {
        if (COMPARATOR.matcher(c).matches()) {
          station.setVocComparator(c);
        } else {
          problem(f.node("vocComparator"), "vocComparator '" + c + "' must be a catalog rule id"
              + " (letters, digits, '_', '.', '-')");
        }
      });
    }
    f.optionalText("timeConvention").flatMap(t -> f.oneOf("timeConvention", t.toUpperCase(Locale.ROOT),
        List.of("HOUR_BEGINNING", "HOUR_ENDING"))).ifPresent(station::setTimeConvention);
    f.optionalText("cadenceSeconds").ifPresent(c -> {
      try {
        int seconds = Integer.parseInt(c);
        if (seconds < 1 || seconds > 86_400) {
          throw new NumberFormatException();
        }
        station.setCadenceSeconds(seconds);
      } catch (NumberFormatException e) {
        problem(f.node("cadenceSeconds"), "cadenceSeconds '" + c + "' must be a whole number of seconds from 1 to"
            + " 86400 (60 for minute data, 3600 hourly, 14400 every 4 h)");
      }
    });
    Credentials credentials = credentials(f);
    if (problems.size() > before) {
      return Optional.empty();
    }
    station.setId(id).setName(name).setMedium(medium).setDistrict(district).setLatitude(lat).setLongitude(lon)
        .setHj212Mn(credentials.mn());
    StationEntry entry = new StationEntry(station.build(), credentials.passwordHash(), credentials.tokenHash(),
        credentials.modbusCrc());
    return Optional.of(new Parsed(entry, f.node("id"), credentials.mn() == null ? null : f.child("hj212", "mn")));
  }

  private record Credentials(String mn, String passwordHash, boolean modbusCrc, String tokenHash) {}

  private Credentials credentials(Fields station) {
    String mn = null;
    String passwordHash = null;
    boolean modbusCrc = false;
    String tokenHash = null;
    Optional<Fields> hj212 = station.optionalNode("hj212").flatMap(n -> Fields.of(this, n, "hj212", HJ212_KEYS));
    if (hj212.isPresent()) {
      mn = hj212.get().requiredText("mn").orElse(null);
      if (mn != null && !MN.matcher(mn).matches()) {
        problem(hj212.get().node("mn"), "hj212 mn '" + mn + "' must be 1-32 letters, digits, '_' or '-'");
      }
      passwordHash = hj212.get().requiredText("passwordHash").flatMap(h -> hash(hj212.get(), "passwordHash", h))
          .orElse(null);
      modbusCrc = hj212.get().optionalText("modbusCrc").flatMap(b -> hj212.get().oneOf("modbusCrc",
          b.toLowerCase(Locale.ROOT), List.of("true", "false"))).map(Boolean::parseBoolean).orElse(false);
    }
    Optional<Fields> http = station.optionalNode("http").flatMap(n -> Fields.of(this, n, "http", HTTP_KEYS));
    if (http.isPresent()) {
      tokenHash = http.get().requiredText("tokenHash").flatMap(h -> hash(http.get(), "tokenHash", h)).orElse(null);
    }
    return new Credentials(mn, passwordHash, modbusCrc, tokenHash);
  }

  private Optional<String> hash(Fields f, String key, String value) {
    String normalized = value.strip().toLowerCase(Locale.ROOT);
    if (CredentialHash.isWellFormed(normalized)) {
      return Optional.of(normalized);
    }
    // Never echo the value: it may be a real secret pasted by mistake.
    if (!normalized.startsWith(CredentialHash.PREFIX)) {
      problem(f.node(key), key + " looks like a plain-text secret; the file holds only hashes: write"
          + " sha256:<64 hex digits> of the secret (printf %s 'secret' | sha256sum), and keep the secret elsewhere");
    } else {
      problem(f.node(key), key + " must be sha256: followed by exactly 64 hex digits (got "
          + (normalized.length() - CredentialHash.PREFIX.length()) + " characters after 'sha256:')");
    }
    return Optional.empty();
  }

  private Optional<Integer> waterClass(Fields f, String value) {
    String v = value.strip().toUpperCase(Locale.ROOT);
    int roman = ROMAN_CLASSES.indexOf(v);
    if (roman >= 0) {
      return Optional.of(roman + 1);
    }
    if (v.matches("[1-5]")) {
      return Optional.of(Integer.parseInt(v));
    }
    problem(f.node("waterTargetClass"), "waterTargetClass '" + value + "' must be a GB 3838 class 1 to 5"
        + " (or I to V)");
    return Optional.empty();
  }

  void problem(Node node, String message) {
    problem(node.getStartMark(), message);
  }

  private void problem(Mark mark, String message) {
    int line = mark == null ? 0 : mark.getLine() + 1;
    int column = mark == null ? 0 : mark.getColumn() + 1;
    problems.add(new StationFileException.Problem(file, line, column, message));
  }

  private static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /** One YAML mapping with its keys checked: scalar, known, not repeated. */
  private static final class Fields {
    private final StationFileParser parser;
    private final MappingNode mapping;
    private final String what;
    private final Map<String, NodeTuple> byKey;

    private Fields(StationFileParser parser, MappingNode mapping, String what, Map<String, NodeTuple> byKey) {
      this.parser = parser;
      this.mapping = mapping;
      this.what = what;
      this.byKey = byKey;
    }

    static Optional<Fields> of(StationFileParser parser, Node node, String what, Set<String> allowed) {
      if (!(node instanceof MappingNode mapping)) {
        parser.problem(node, what + " must be a mapping of 'key: value' lines");
        return Optional.empty();
      }
      Map<String, NodeTuple> byKey = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
          parser.problem(tuple.getKeyNode(), "keys of " + what + " must be plain words");
          continue;
        }
        String key = keyNode.getValue();
        if (!allowed.contains(key)) {
          parser.problem(keyNode, "unknown key '" + key + "' in " + what + "; allowed: "
              + allowed.stream().sorted().collect(Collectors.joining(", ")));
        } else if (byKey.containsKey(key)) {
          parser.problem(keyNode, "key '" + key + "' appears twice in " + what + " (first on line "
              + line(byKey.get(key).getKeyNode()) + ")");
        } else {
          byKey.put(key, tuple);
        }
      }
      return Optional.of(new Fields(parser, mapping, what, byKey));
    }

    boolean has(String key) {
      return byKey.containsKey(key);
    }

    Node node(String key) {
      return byKey.get(key).getValueNode();
    }

    Node keyNode(String key) {
      return byKey.get(key).getKeyNode();
    }

    /** The value node of key inside the nested mapping under parent. */
    Node child(String parent, String key) {
      MappingNode nested = (MappingNode) node(parent);
      return nested.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key))
          .map(NodeTuple::getValueNode).findFirst().orElseThrow();
    }

    Optional<Node> optionalNode(String key) {
      return Optional.ofNullable(byKey.get(key)).map(NodeTuple::getValueNode);
    }

    Optional<Node> required(String key) {
      Optional<Node> node = optionalNode(key);
      if (node.isEmpty()) {
        parser.problem(mapping, what + identity() + " is missing the required key '" + key + "'");
      }
      return node;
    }

    Optional<String> requiredText(String key) {
      return required(key).flatMap(n -> text(key, n, true));
    }

    Optional<String> optionalText(String key) {
      return optionalNode(key).flatMap(n -> text(key, n, false));
    }

    private Optional<String> text(String key, Node node, boolean required) {
      if (!(node instanceof ScalarNode scalar)) {
        parser.problem(node, "'" + key + "' must be a single value, not a list or mapping");
        return Optional.empty();
      }
      String value = scalar.getValue().strip();
      if (value.isEmpty()) {
        if (required) {
          parser.problem(node, "'" + key + "' is empty in " + what + identity());
        }
        return Optional.empty();
      }
      return Optional.of(value);
    }

    Optional<Double> requiredNumber(String key, double min, double max) {
      return requiredText(key).flatMap(v -> {
        try {
          double d = Double.parseDouble(v);
          if (Double.isFinite(d) && d >= min && d <= max) {
            return Optional.of(d);
          }
          parser.problem(node(key), "'" + key + "' = " + v + " is out of range; it must lie between " + fmt(min)
              + " and " + fmt(max) + " (WGS 84 degrees)");
        } catch (NumberFormatException e) {
          parser.problem(node(key), "'" + key + "' = '" + v + "' is not a number (decimal degrees, e.g. 39.929)");
        }
        return Optional.empty();
      });
    }

    Optional<String> oneOf(String key, String value, List<String> allowed) {
      if (allowed.contains(value)) {
        return Optional.of(value);
      }
      String given = ((ScalarNode) node(key)).getValue().strip();
      parser.problem(node(key), "'" + key + "' = '" + given + "' is not one of " + String.join(", ", allowed));
      return Optional.empty();
    }

    private String identity() {
      Optional<String> id = optionalNode("id").filter(ScalarNode.class::isInstance)
          .map(n -> ((ScalarNode) n).getValue());
      return id.map(i -> " '" + i + "'").orElse("");
    }

    private static String fmt(double d) {
      return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
  }
}
