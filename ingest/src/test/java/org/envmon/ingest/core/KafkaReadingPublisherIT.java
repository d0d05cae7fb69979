package org.envmon.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.envmon.ingest.registry.StationPublisher;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.ingest.testsupport.Fixtures;
import org.envmon.ingest.testsupport.TopicReader;
import org.envmon.schemas.Station;
import org.envmon.schemas.topics.Topics;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.Test;

@WithKafka
class KafkaReadingPublisherIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static Properties producer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return props;
  }

  @Test
  void stationRegistryIsPublishedToTheCompactedTopicKeyedById(TestKafka kafka) throws Exception {
    kafka.createTopics(Topics.all(), 1);
    StationRegistry stations = Fixtures.shippedStations();
    try (TopicReader<Station> topic = new TopicReader<>(kafka, Topics.STATIONS);
         StationPublisher publisher = new StationPublisher(producer(kafka.bootstrapServers()))) {
      int published = publisher.publish(stations.all()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      List<ConsumerRecord<String, Station>> records = topic.await(published, TIMEOUT);
      assertThat(published).isEqualTo(stations.all().size());
      assertThat(topic.appendedSinceStart()).isEqualTo(published);
      assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getId()));
      assertThat(records).extracting(ConsumerRecord::value)
          .containsExactlyElementsOf(stations.all().stream().map(StationEntry::station).toList());
    }
  }

  @Test
  void publishFailsWhenNoBrokerTakesTheData() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Properties props = producer("127.0.0.1:" + closedPort);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000");
    try (KafkaReadingPublisher publisher = new KafkaReadingPublisher(props)) {
      CompletableFuture<Void> ack = publisher.publish(List.of(KafkaReadingPublisherTest.reading("Dongsi", 1)));

      assertThatThrownBy(() -> ack.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
      assertThat(publisher.endOfInput(Instant.EPOCH)).isCompletedExceptionally();
    }
  }
}
