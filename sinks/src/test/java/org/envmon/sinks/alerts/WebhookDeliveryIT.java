package org.envmon.sinks.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.envmon.schemas.Alert;
import org.envmon.schemas.AlertState;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.topics.Topic;
import org.envmon.schemas.topics.Topics;
import org.envmon.sinks.influx.write.Secret;
import org.envmon.testkit.TestKafka;
import org.envmon.testkit.WithKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// "try": an AlertDelivery works in the background for the duration of its try block.
@SuppressWarnings("try")
@WithKafka
class WebhookDeliveryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "s3cret-东城";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final TestKafka kafka;
  private Topic<String, Alert> alerts;
  private Topic<String, DeadLetter> deadLetters;
  private KafkaProducer<String, Alert> producer;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  WebhookDeliveryIT(TestKafka kafka) {
    this.kafka = kafka;
  }

  @BeforeEach
  void topics() {
    alerts = new Topic<>(kafka.uniqueTopic("webhook-alerts"), Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde(),
        false, "alerts of one test");
    deadLetters = new Topic<>(kafka.uniqueTopic("webhook-dlq"), Topics.SINK_DLQ.keySerde(),
        Topics.SINK_DLQ.valueSerde(), false, "dead letters of one test");
    producer = kafka.producer(alerts);
  }

  @AfterEach
  void closeProducer() {
    producer.close();
  }

  private AlertDeliveryOptions.Builder options(WebhookSubscriber... subscribers) {
    return AlertDeliveryOptions.builder()
        .bootstrapServers(kafka.bootstrapServers())
        .alertsTopic(alerts)
        .deadLetterTopic(deadLetters)
        .groupIdPrefix("test-webhook-" + UUID.randomUUID() + "-")
        .newSubscriberStart(AlertDeliveryOptions.NewSubscriberStart.EARLIEST)
        .subscribers(List.of(subscribers))
        .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
        .meters(meters);
  }

  private static WebhookSubscriber subscriber(String name, WebhookReceiver receiver, AlertFilter filter) {
    return new WebhookSubscriber(name, receiver.url(), Secret.of(SECRET), filter);
  }

  private void produce(Alert... transitions) throws Exception {
    for (Alert a : transitions) {
      producer.send(new ProducerRecord<>(alerts.name(), a.getAlertId(), a)).get();
    }
  }

  private long committedOffset(String groupId) throws Exception {
    try (Admin admin = Admin.create(kafka.adminConfig())) {
      OffsetAndMetadata offset = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get()
          .get(new TopicPartition(alerts.name(), 0));
      return offset == null ? -1 : offset.offset();
    }
  }

  private double count(String name, String subscriber, String... tags) {
    return meters.get(name).tag("subscriber", subscriber).tags(tags).counter().count();
  }

  /** HMAC-SHA256 computed here, independently of WebhookSignature. */
  private static String expectedSignature(byte[] body) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void flakySubscriberReceivesEachTransitionOncePerIdempotencyKeyWithValidSignature() throws Exception {
    Alert dongsiOpen = TestAlerts.pm25("Dongsi", "东城", AlertState.OPEN);
    Alert haidianOpen = TestAlerts.pm25("Wanliu", "海淀", AlertState.OPEN);
    Alert dongsiCleared = TestAlerts.pm25("Dongsi", "东城", AlertState.CLEARED);
    Alert tiantanOpen = TestAlerts.pm25("Tiantan", "东城", AlertState.OPEN);
    try (WebhookReceiver receiver = WebhookReceiver.failingFirst(3);
         AlertDelivery delivery = AlertDelivery.start(options(
             subscriber("bureau", receiver, AlertFilter.parse("东城", null, null, null))).maxAttempts(10).build())) {
      produce(dongsiOpen, haidianOpen, dongsiCleared, tiantanOpen);

      await().atMost(TIMEOUT).until(() -> receiver.delivered().size() >= 3);

      assertThat(receiver.delivered()).extracting(WebhookReceiver.Request::idempotencyKey).containsExactly(
          dongsiOpen.getAlertId() + ":OPEN", dongsiOpen.getAlertId() + ":CLEARED", tiantanOpen.getAlertId() + ":OPEN");
      // The three failures were retries of the first alert, with the same key and the same bytes.
      List<WebhookReceiver.Request> all = receiver.requests();
      assertThat(all).hasSize(6);
      assertThat(all.subList(0, 4)).extracting(WebhookReceiver.Request::idempotencyKey)
          .containsOnly(dongsiOpen.getAlertId() + ":OPEN");
      assertThat(all.subList(0, 4)).extracting(WebhookReceiver.Request::status).containsExactly(503, 503, 503, 200);
      assertThat(all.get(0).body()).isEqualTo(all.get(3).body());
      for (WebhookReceiver.Request r : all) {
        assertThat(r.signature()).isEqualTo(expectedSignature(r.body()));
        assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("alertId").asText() + ":" + body.get("state").asText()).isEqualTo(r.idempotencyKey());
        assertThat(body.get("district").asText()).isEqualTo("东城");
      }
      assertThat(count("envmon.webhook.attempts", "bureau", "outcome", "failed")).isEqualTo(3.0);
      await().atMost(TIMEOUT).until(() -> count("envmon.webhook.attempts", "bureau", "outcome", "delivered") == 3.0);
    }
  }

  @Test
  void deadSubscriberDoesNotDelayAHealthyOne() throws Exception {
    try (WebhookReceiver dead = WebhookReceiver.hanging();
         WebhookReceiver healthy = WebhookReceiver.always(204);
         AlertDelivery delivery = AlertDelivery.start(options(
             subscriber("dead", dead, AlertFilter.ANY), subscriber("healthy", healthy, AlertFilter.ANY))
             .requestTimeout(Duration.ofMinutes(2)).build())) {
      produce(TestAlerts.pm25("Dongsi", "东城", AlertState.OPEN));
      await().atMost(TIMEOUT).until(() -> dead.requests().size() == 1 && healthy.delivered().size() == 1);

      // The dead subscriber now hangs in its first request; later alerts still reach the healthy
      // one, in far less than the dead one's request timeout.
      produce(TestAlerts.pm25("Tiantan", "东城", AlertState.OPEN), TestAlerts.pm25("Dongsi", "东城", AlertState.CLEARED));
      await().atMost(Duration.ofSeconds(15)).until(() -> healthy.delivered().size() == 3);
      assertThat(dead.requests()).hasSize(1);
    }
  }

  @Test
  void afterMaxFailuresTheDeliveryGoesToTheSinkDlqAndTheNextAlertIsTried() throws Exception {
    Alert first = TestAlerts.pm25("Dongsi", "东城", AlertState.OPEN);
    Alert second = TestAlerts.pm25("Tiantan", "东城", AlertState.OPEN);
    try (WebhookReceiver broken = WebhookReceiver.always(500);
         AlertDelivery delivery = AlertDelivery.start(options(subscriber("broken", broken, AlertFilter.ANY))
             .maxAttempts(3).build())) {
      produce(first, second);

      List<ConsumerRecord<String, DeadLetter>> letters = kafka.consume(deadLetters, 2);

      assertThat(letters).extracting(ConsumerRecord::key).containsExactly(first.getAlertId(), second.getAlertId());
      DeadLetter letter = letters.get(0).value();
      assertThat(letter.getSource()).isEqualTo("webhook:broken");
      assertThat(letter.getReasonCode()).isEqualTo("WEBHOOK_RETRIES_EXHAUSTED");
      assertThat(letter.getReason()).isEqualTo("no success after 3 attempts to " + broken.url() + ", last: HTTP 500");
      assertThat(letter.getStationId()).isEqualTo("Dongsi");
      assertThat(letter.getSourceAddress()).isEqualTo(alerts.name() + "-0@0");
      assertThat(letter.getPayload()).isEqualTo(new String(AlertJson.toBytes(first), StandardCharsets.UTF_8));
      assertThat(broken.requests()).hasSize(6);
      assertThat(count("envmon.webhook.attempts", "broken", "outcome", "failed")).isEqualTo(6.0);
      await().atMost(TIMEOUT).until(() -> count("envmon.webhook.dead.letters", "broken") == 2.0);
    }
  }

  @Test
  void aRefusedDeliveryIsDeadLetteredWithoutRetrying() throws Exception {
    Alert alert = TestAlerts.pm25("Dongsi", "东城", AlertState.OPEN);
    try (WebhookReceiver refusing = WebhookReceiver.always(410);
         AlertDelivery delivery = AlertDelivery.start(options(subscriber("gone", refusing, AlertFilter.ANY)).build())) {
      produce(alert);

      DeadLetter letter = kafka.consume(deadLetters, 1).get(0).value();

      assertThat(letter.getReasonCode()).isEqualTo("WEBHOOK_REFUSED");
      assertThat(letter.getReason()).startsWith(refusing.url() + " refused " + alert.getAlertId() + ":OPEN with HTTP 410");
      assertThat(refusing.requests()).hasSize(1);
    }
  }

  @Test
  void aRecordThatIsNotAnAlertIsDeadLetteredAndDeliveryGoesOn() throws Exception {
    Alert alert = TestAlerts.pm25("Dongsi", "东城", AlertState.OPEN);
    try (WebhookReceiver receiver = WebhookReceiver.always(200);
         KafkaProducer<String, byte[]> raw = kafka.producer(new StringSerializer(), new ByteArraySerializer());
         AlertDelivery delivery = AlertDelivery.start(options(subscriber("ops", receiver, AlertFilter.ANY)).build())) {
      raw.send(new ProducerRecord<>(alerts.name(), "garbage", new byte[] {1, 2, 3})).get();
      produce(alert);

      DeadLetter letter = kafka.consume(deadLetters, 1).get(0).value();

      assertThat(letter.getReasonCode()).isEqualTo("DESERIALIZATION");
      assertThat(letter.getSource()).isEqualTo("webhook:ops");
      assertThat(letter.getPayload()).isEqualTo("010203");
      await().atMost(TIMEOUT).until(() -> receiver.delivered().size() == 1);
      assertThat(receiver.delivered().get(0).idempotencyKey()).isEqualTo(alert.getAlertId() + ":OPEN");
    }
  }

  @Test
  void aRestartedSubscriberResumesAfterTheLastDeliveredAlert() throws Exception {
    Alert first = TestAlerts.pm25("Dongsi", "东城", AlertState.OPEN);
    Alert second = TestAlerts.pm25("Dongsi", "东城", AlertState.CLEARED);
    try (WebhookReceiver receiver = WebhookReceiver.always(200)) {
      AlertDeliveryOptions options = options(subscriber("ops", receiver, AlertFilter.ANY)).build();
      try (AlertDelivery delivery = AlertDelivery.start(options)) {
        produce(first);
        await().atMost(TIMEOUT).until(() -> receiver.delivered().size() == 1);
        await().atMost(TIMEOUT).until(() -> committedOffset(options.groupIdPrefix() + "ops") == 1L);
      }
      try (AlertDelivery delivery = AlertDelivery.start(options)) {
        produce(second);
        await().atMost(TIMEOUT).until(() -> receiver.delivered().size() >= 2);
      }
      assertThat(receiver.delivered()).extracting(WebhookReceiver.Request::idempotencyKey)
          .containsExactly(first.getAlertId() + ":OPEN", first.getAlertId() + ":CLEARED");
    }
  }
}
