package org.envmon.ingest.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.ingest.testsupport.TopicReader;
import org.envmon.schemas.Reading;
import org.envmon.schemas.topics.Topics;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.Test;

@WithKafka
class LoadGeneratorIT {
  @Test
  void everyGeneratedReadingReachesKafka(TestKafka kafka) {
    kafka.createTopics(Topics.all(), 1);
    Properties producer = new Properties();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    LoadOptions options = LoadOptions.of(10).withReadings(600).withBatchSize(50);

    try (TopicReader<Reading> readings = new TopicReader<>(kafka, Topics.READINGS);
         KafkaReadingPublisher publisher = new KafkaReadingPublisher(producer)) {
      LoadResult result = new LoadGenerator(publisher, options).run(null);

      // acknowledged means appended: the offsets show all of them at once
      assertThat(result.readings()).isEqualTo(600);
      assertThat(readings.appendedSinceStart()).isEqualTo(600);
      assertThat(readings.await(600, Duration.ofSeconds(60))).hasSize(600)
          .allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getStationId()));
      assertThat(result.achievedRate()).isPositive();
    }
  }
}
