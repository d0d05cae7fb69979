package org.envmon.ingest.mqtt;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.envmon.ingest.core.RejectReason;
import org.envmon.ingest.core.StationRateLimiter;
import org.envmon.ingest.json.ParsedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each station's records of a message taken from its token bucket, all or none; the readable
 * records of a station over its rate are refused as {@code RATE_LIMITED}, so they reach the DLQ
 * instead of vanishing. Refused records count too: each of them costs a DLQ write. Thread-safe.
 */
final class MqttStationRate {
  private static final Logger LOG = LoggerFactory.getLogger(MqttStationRate.class);

  private final StationRateLimiter limiter;

  MqttStationRate(StationRateLimiter limiter) {
    this.limiter = Objects.requireNonNull(limiter, "limiter");
  }

  /**
   * @param fallbackStation the key of records that name no station (the topic's station, or the topic)
   * @return the records, those over their station's rate refused
   */
  List<ParsedRecord> apply(List<ParsedRecord> records, String fallbackStation) {
    Map<String, Integer> perStation = new LinkedHashMap<>();
    for (ParsedRecord r : records) {
      perStation.merge(stationOf(r, fallbackStation), 1, Integer::sum);
    }
    Set<String> over = new HashSet<>();
    perStation.forEach((stationId, count) -> {
      StationRateLimiter.Decision decision = limiter.tryAcquire(stationId, count);
      if (!decision.granted()) {
        over.add(stationId);
        if (decision.episodeStart()) {
          LOG.warn("station {} publishes more than {} records/s (burst {}) over MQTT: its records go to the DLQ as"
              + " RATE_LIMITED until it slows down (logged once per episode)", stationId,
              limiter.rate().perSecond(), limiter.rate().burst());
        }
      }
    });
    if (over.isEmpty()) {
      return records;
    }
    return records.stream().map(r -> !r.isReadable() || !over.contains(stationOf(r, fallbackStation)) ? r
        : r.refuse(RejectReason.RATE_LIMITED, "record " + r.index() + ": station " + stationOf(r, fallbackStation)
            + " publishes more than " + limiter.rate().perSecond() + " records/s (burst " + limiter.rate().burst()
            + "); the record is kept here instead of in envmon.readings, publish it again later")).toList();
  }

  private static String stationOf(ParsedRecord r, String fallbackStation) {
    return r.stationId() != null ? r.stationId() : fallbackStation;
  }
}
