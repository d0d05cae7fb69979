package org.envmon.streams.internals.voc;

import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.envmon.schemas.Medium;
import org.envmon.schemas.topics.Topics;
import org.envmon.streams.internals.alerts.EvaluationInputs;
import org.envmon.streams.internals.alerts.EvaluationSettings;

/**
 * VOCs hot spots from valid hourly values. (The screening comparison against the station's
 * named comparator is a catalog rule like any other and runs in the alerts stage.)
 */
public final class VocTopology {
  /** Rolling hourly baseline per (station, compound). */
  public static final String BASELINE = "voc-hot-spot-baseline";
  /** Hot-spot alert state per (station, compound). */
  public static final String STATE = "voc-hot-spot-state";

  private VocTopology() {}

  /** Adds the hot-spot stage. */
  public static void addTo(EvaluationInputs inputs, EvaluationSettings settings) {
    inputs.hourly()
        .filter((key, h) -> h != null && h.getMedium() == Medium.VOC && h.getValid() && h.getValue() != null,
            Named.as("voc-valid-hours"))
        .process(HotSpotProcessor.supplier(settings.hotSpot(), settings.alerts(), BASELINE, STATE),
            Named.as("voc-hot-spots"))
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
            .withName("voc-alerts-sink"));
  }
}
