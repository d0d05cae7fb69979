package org.envmon.app.bench;

import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;

/** The topic only the benchmark writes: the target of the raw passthrough baseline. */
final class BenchTopics {
  private BenchTopics() {}

  static final Topic<String, Reading> PASSTHROUGH = new Topic<>("envmon.bench.passthrough",
      Topics.READINGS.keySerde(), Topics.READINGS.valueSerde(), false,
      "Benchmark only: envmon.readings copied by a plain consumer and producer, the baseline of the pipeline.");
}
