package org.envmon.ingest.simulator;

import org.envmon.schemas.Medium;

/** The ingest path a simulated station's logger would use, so a demo exercises every one. */
public enum IngestPath {
  HJ212,
  MQTT,
  HTTP,
  KAFKA_JSON;

  /** Air over HJ 212 (as national stations do), water over HTTP, noise over MQTT, VOCs over Kafka JSON. */
  public static IngestPath defaultFor(Medium medium) {
    return switch (medium) {
      case AIR -> HJ212;
      case WATER -> HTTP;
      case NOISE -> MQTT;
      case VOC -> KAFKA_JSON;
    };
  }
}
