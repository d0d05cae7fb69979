package org.envmon.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * The broker's data directory: formatted once with a new cluster id, then reused as it is, so a
 * restart on the same directory keeps its topics and records.
 */
final class KafkaStorage {
  /** Written by Kafka's formatter; holds the cluster id and node id. */
  static final String META_PROPERTIES = "meta.properties";

  private KafkaStorage() {}

  /** Formats {@code dataDir} if it has never been formatted and returns its cluster id. */
  static String ensureFormatted(Path dataDir) {
    Path meta = dataDir.resolve(META_PROPERTIES);
    if (Files.exists(meta)) {
      return readClusterId(meta);
    }
    String clusterId = Uuid.randomUuid().toString();
    try {
      Files.createDirectories(dataDir);
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
          .setNodeId(ServerProperties.NODE_ID)
          .setClusterId(clusterId)
          .setControllerListenerName(ListenerSpec.CONTROLLER)
          .setMetadataLogDirectory(dataDir.toString())
          .addDirectory(dataDir.toString())
          .run();
    } catch (Exception e) {
      throw new BrokerStartException("cannot format the Kafka data directory " + dataDir + ": " + e.getMessage()
          + " (check that it is writable, or delete it to start with an empty broker)", e);
    }
    return clusterId;
  }

  private static String readClusterId(Path meta) {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new BrokerStartException("cannot read " + meta + ": " + e.getMessage(), e);
    }
    String clusterId = props.getProperty("cluster.id");
    if (clusterId == null || clusterId.isBlank()) {
      throw new BrokerStartException(meta + " has no cluster.id; the data directory is damaged or not a"
          + " KRaft directory. Delete " + meta.getParent() + " to start with an empty broker.");
    }
    return clusterId;
  }
}
