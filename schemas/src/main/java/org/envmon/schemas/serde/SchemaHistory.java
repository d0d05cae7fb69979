package org.envmon.schemas.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * The schema store for single-object encoding: every schema version envmon ever wrote, so that a
 * record written by an older envmon still decodes. Versions live under
 * {@code envmon/schemas/history/} on the classpath, listed in {@code index.txt}; the current
 * versions are the generated classes' own schemas.
 */
public final class SchemaHistory {
  private static final String DIR = "envmon/schemas/history/";
  private static final SchemaStore.Cache STORE = load();

  private SchemaHistory() {}

  /** The store with all known versions; decoders resolve a record's fingerprint here. */
  public static SchemaStore store() {
    return STORE;
  }

  /** Adds a schema version at run time, e.g. one fetched from a configured registry. */
  public static void register(Schema schema) {
    STORE.addSchema(schema);
  }

  /** Reads the historical versions shipped on the classpath. */
  public static List<Schema> shippedVersions() {
    List<Schema> result = new ArrayList<>();
    for (String file : index()) {
      try (InputStream in = resource(DIR + file)) {
        result.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read schema version " + DIR + file, e);
      }
    }
    return result;
  }

  private static SchemaStore.Cache load() {
    SchemaStore.Cache cache = new SchemaStore.Cache();
    shippedVersions().forEach(cache::addSchema);
    return cache;
  }

  private static List<String> index() {
    List<String> files = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(resource(DIR + "index.txt"), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          files.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DIR + "index.txt", e);
    }
    return files;
  }

  private static InputStream resource(String path) {
    InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("schema history resource missing from the classpath: " + path);
    }
    return in;
  }
}
