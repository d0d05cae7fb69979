package org.envmon.ingest.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.envmon.ingest.core.StationDirectory;
import org.envmon.ingest.core.StationEntry;

/** The stations of a station file, immutable once loaded; lookups by id and by HJ 212 MN. */
public final class StationRegistry implements StationDirectory {
  private final Map<String, StationEntry> byId = new LinkedHashMap<>();
  private final Map<String, StationEntry> byMn = new LinkedHashMap<>();

  /** @throws IllegalArgumentException if two entries share an id or an MN */
  public StationRegistry(Collection<StationEntry> entries) {
    for (StationEntry entry : entries) {
      if (byId.putIfAbsent(entry.id(), entry) != null) {
        throw new IllegalArgumentException("duplicate station id '" + entry.id() + "'");
      }
      entry.mn().ifPresent(mn -> {
        if (byMn.putIfAbsent(mn, entry) != null) {
          throw new IllegalArgumentException("duplicate HJ 212 MN '" + mn + "' (stations " + byMn.get(mn).id()
              + " and " + entry.id() + ")");
        }
      });
    }
  }

  /**
   * Loads and validates a station file.
   *
   * @throws StationFileException naming the file, line and key of every problem
   * @throws UncheckedIOException if the file cannot be read
   */
  public static StationRegistry load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("station file " + file + " does not exist; pass the path of a stations.yaml"
          + " (the repository ships config/stations.yaml)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read station file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses station-file text; {@code name} is used in error messages. */
  public static StationRegistry parse(Reader reader, String name) {
    return new StationRegistry(StationFileParser.parse(reader, name));
  }

  @Override
  public Optional<StationEntry> byId(String stationId) {
    return Optional.ofNullable(byId.get(stationId));
  }

  @Override
  public Optional<StationEntry> byMn(String mn) {
    return Optional.ofNullable(byMn.get(mn));
  }

  /** In file order. */
  @Override
  public Collection<StationEntry> all() {
    return List.copyOf(byId.values());
  }
}
