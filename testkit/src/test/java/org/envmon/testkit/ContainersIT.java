package org.envmon.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.envmon.broker.TopicAdmin;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.InfluxDBContainer;
import org.testcontainers.kafka.KafkaContainer;

/** The Testcontainers variants; skipped with the reason where no Docker engine is reachable. */
@RequiresDocker
class ContainersIT {
  @Test
  void producesAndConsumesOnTheKafkaContainer() throws Exception {
    try (KafkaContainer kafka = TestContainers.startOrSkip(TestContainers.kafka())) {
      String bootstrap = kafka.getBootstrapServers();
      String topic = "containers-" + UUID.randomUUID();
      new TopicAdmin(bootstrap).createTopic(topic, 1, false);
      Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      try (KafkaProducer<String, String> producer =
               new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>(topic, "station", "42")).get(30, TimeUnit.SECONDS);
      }
      Map<String, Object> consumerConfig = new HashMap<>();
      consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "containers-" + UUID.randomUUID());
      consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      List<String> values = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer =
               new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of(topic));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            values.add(r.key() + "=" + r.value());
          }
          return !values.isEmpty();
        });
      }
      assertThat(values).containsExactly("station=42");
    }
  }

  @Test
  void writesAndQueriesAPointOnTheInfluxDb2Container() throws Exception {
    try (InfluxDBContainer<?> influx = TestContainers.startOrSkip(TestContainers.influxDb2())) {
      HttpClient http = HttpClient.newHttpClient();
      String org = URLEncoder.encode(TestContainers.INFLUXDB_ORG, StandardCharsets.UTF_8);
      HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(influx.getUrl()
                  + "/api/v2/write?org=" + org + "&bucket=" + TestContainers.INFLUXDB_BUCKET + "&precision=s"))
              .header("Authorization", "Token " + TestContainers.INFLUXDB_TOKEN)
              .POST(HttpRequest.BodyPublishers.ofString("hourly,station=Dongsi,parameter=PM2_5 value=42.5 1356998400"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(write.statusCode()).as(write.body()).isEqualTo(204);

      String flux = "from(bucket: \"" + TestContainers.INFLUXDB_BUCKET + "\") |> range(start: 2013-01-01T00:00:00Z,"
          + " stop: 2013-01-02T00:00:00Z) |> filter(fn: (r) => r._measurement == \"hourly\")"
          + " |> keep(columns: [\"_time\", \"_value\", \"station\"])";
      HttpResponse<String> query = http.send(HttpRequest.newBuilder(URI.create(influx.getUrl() + "/api/v2/query?org=" + org))
              .header("Authorization", "Token " + TestContainers.INFLUXDB_TOKEN)
              .header("Content-Type", "application/vnd.flux")
              .header("Accept", "application/csv")
              .POST(HttpRequest.BodyPublishers.ofString(flux))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
      List<String> dataLines = query.body().lines().filter(l -> l.contains("2013-01-01T00:00:00Z")).toList();
      assertThat(dataLines).hasSize(1);
      assertThat(dataLines.get(0)).contains("42.5").contains("Dongsi");
    }
  }
}
