package org.envmon.app.config;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.envmon.broker.BrokerOptions;
import org.envmon.ingest.hj212.Hj212ServerOptions;
import org.envmon.ingest.http.HttpIngestConfig;
import org.envmon.ingest.mqtt.MqttIngestConfig;

/**
 * envmon's typed configuration: every key with its type, default, validator and documentation,
 * in Kafka's own {@link ConfigDef}. Invalid values fail at start with a message naming the key.
 * docs/configuration.md is generated from {@link #CONFIG} and a test keeps them in step.
 *
 * <p>Keys starting with {@code kafka.} (beyond the ones defined here) are passed to every Kafka
 * client with the prefix removed: TLS and SASL settings go there.
 */
public final class EnvmonConfig extends AbstractConfig {
  public static final String KAFKA_PASSTHROUGH_PREFIX = "kafka.";

  // Kafka
  public static final String KAFKA_BOOTSTRAP = "kafka.bootstrap.servers";
  public static final String TOPIC_PARTITIONS = "topics.partitions";
  public static final String TOPIC_REPLICATION = "topics.replication.factor";
  // Embedded broker
  public static final String BROKER_DATA_DIR = "broker.data.dir";
  public static final String BROKER_PORT = "broker.port";
  public static final String BROKER_CONTROLLER_PORT = "broker.controller.port";
  // Registry and catalog
  public static final String STATIONS_FILE = "stations.file";
  public static final String CATALOG_FILE = "catalog.file";
  public static final String CATALOG_REPLACE = "catalog.replace";
  // Streams
  public static final String STREAMS_APPLICATION_ID = "streams.application.id";
  public static final String STREAMS_STATE_DIR = "streams.state.dir";
  public static final String STREAMS_GUARANTEE = "streams.processing.guarantee";
  public static final String STREAMS_STANDBY_REPLICAS = "streams.num.standby.replicas";
  public static final String STREAMS_THREADS = "streams.num.threads";
  public static final String STREAMS_COMMIT_INTERVAL_MS = "streams.commit.interval.ms";
  public static final String STREAMS_GRACE_MS = "streams.grace.ms";
  public static final String STREAMS_DAY_CLOSE_SPREAD_MS = "streams.day.close.spread.ms";
  public static final String STREAMS_AS_YEAR = "streams.as.year";
  // InfluxDB
  public static final String INFLUX_URL = "influx.url";
  public static final String INFLUX_API = "influx.api";
  public static final String INFLUX_DATABASE = "influx.database";
  public static final String INFLUX_RETENTION_POLICY = "influx.retention.policy";
  public static final String INFLUX_USERNAME = "influx.username";
  public static final String INFLUX_PASSWORD_ENV = "influx.password.env";
  public static final String INFLUX_PASSWORD_FILE = "influx.password.file";
  public static final String INFLUX_ORG = "influx.org";
  public static final String INFLUX_BUCKET = "influx.bucket";
  public static final String INFLUX_TOKEN_ENV = "influx.token.env";
  public static final String INFLUX_TOKEN_FILE = "influx.token.file";
  public static final String INFLUX_GZIP = "influx.gzip";
  // Ingest
  public static final String HJ212_PORT = "ingest.hj212.port";
  public static final String HTTP_PORT = "ingest.http.port";
  public static final String HTTP_TLS_KEYSTORE = "ingest.http.tls.keystore";
  public static final String HTTP_TLS_PASSWORD_ENV = "ingest.http.tls.password.env";
  public static final String HTTP_TLS_PASSWORD_FILE = "ingest.http.tls.password.file";
  public static final String HTTP_REQUEST_TIMEOUT_MS = "ingest.http.request.timeout.ms";
  public static final String MQTT_URL = "ingest.mqtt.url";
  public static final String MQTT_TOPIC = "ingest.mqtt.topic";
  public static final String MQTT_CLIENT_ID = "ingest.mqtt.client.id";
  public static final String MQTT_USERNAME = "ingest.mqtt.username";
  public static final String MQTT_PASSWORD_ENV = "ingest.mqtt.password.env";
  public static final String MQTT_PASSWORD_FILE = "ingest.mqtt.password.file";
  public static final String RAW_TOPIC_ENABLED = "ingest.kafka.raw.enabled";
  public static final String MAX_FUTURE_MS = "ingest.max.future.ms";
  // Ingest: what one station (or host) may take
  public static final String HJ212_STATION_MAX_CONNECTIONS = "ingest.hj212.station.max.connections";
  public static final String HJ212_HOST_MAX_UNAUTHENTICATED = "ingest.hj212.host.max.unauthenticated.connections";
  public static final String HJ212_STATION_RATE = "ingest.hj212.station.rate.packets.per.second";
  public static final String HJ212_STATION_BURST = "ingest.hj212.station.rate.burst";
  public static final String HTTP_STATION_RATE = "ingest.http.station.rate.readings.per.second";
  public static final String HTTP_STATION_BURST = "ingest.http.station.rate.burst";
  public static final String HTTP_STATION_MAX_INFLIGHT = "ingest.http.station.max.inflight";
  public static final String MQTT_STATION_RATE = "ingest.mqtt.station.rate.readings.per.second";
  public static final String MQTT_STATION_BURST = "ingest.mqtt.station.rate.burst";
  // Status API
  public static final String STATUS_HTTP_PORT = "status.http.port";
  public static final String STATUS_ADVERTISED_HOST = "status.advertised.host";
  // Alert subscribers
  public static final String ALERTS_HTTP_PORT = "alerts.http.port";
  public static final String ALERTS_WEBHOOKS_FILE = "alerts.webhooks.file";
  public static final String ALERTS_WEBHOOK_MAX_ATTEMPTS = "alerts.webhook.max.attempts";

  public static final ConfigDef CONFIG = new ConfigDef()
      .define(KAFKA_BOOTSTRAP, Type.LIST, "127.0.0.1:9092", Importance.HIGH,
          "Kafka bootstrap servers (host:port, comma separated). The demo sets it to its embedded broker.")
      .define(TOPIC_PARTITIONS, Type.INT, BrokerOptions.DEFAULT_PARTITIONS, Range.between(1, 1000), Importance.MEDIUM,
          "Partitions of the envmon topics when envmon creates them. Readings are keyed by station, so this bounds "
              + "parallelism; keep it a multiple of streams.num.threads so every stream thread gets as many tasks.")
      .define(TOPIC_REPLICATION, Type.SHORT, (short) 1, Range.between(1, 10), Importance.MEDIUM,
          "Replication factor of the envmon topics when envmon creates them (3 in production clusters).")
      .define(BROKER_DATA_DIR, Type.STRING, "data/kafka", new ConfigDef.NonEmptyString(), Importance.LOW,
          "Data directory of the embedded broker (demo and `envmon broker`). Kept between runs.")
      .define(BROKER_PORT, Type.INT, 9092, Range.between(0, 65535), Importance.LOW,
          "Client port of the embedded broker; 0 picks a free port.")
      .define(BROKER_CONTROLLER_PORT, Type.INT, 9093, Range.between(0, 65535), Importance.LOW,
          "KRaft controller port of the embedded broker; 0 picks a free port.")
      .define(STATIONS_FILE, Type.STRING, "config/stations.yaml", new ConfigDef.NonEmptyString(), Importance.HIGH,
          "Station registry (YAML): ids, media, districts, coordinates, zone and class attributes, credential hashes.")
      .define(CATALOG_FILE, Type.STRING, "", Importance.MEDIUM,
          "Operator catalog file (YAML) with extra rules (e.g. a Beijing DB11 VOCs limit); empty for the built-in catalog only.")
      .define(CATALOG_REPLACE, Type.BOOLEAN, false, Importance.LOW,
          "When true, catalog.file replaces the built-in catalog instead of extending it.")
      .define(STREAMS_APPLICATION_ID, Type.STRING, "envmon", new ConfigDef.NonEmptyString(), Importance.HIGH,
          "Kafka Streams application id: consumer group, and prefix of internal topics and state directories.")
      .define(STREAMS_STATE_DIR, Type.STRING, "data/streams", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Directory of the Kafka Streams state stores (RocksDB). Changelogged, so it can be lost without data loss.")
      .define(STREAMS_GUARANTEE, Type.STRING, "exactly_once_v2", ValidString.in("exactly_once_v2", "at_least_once"),
          Importance.MEDIUM, "Kafka Streams processing guarantee.")
      .define(STREAMS_STANDBY_REPLICAS, Type.INT, 0, Range.between(0, 10), Importance.LOW,
          "Standby replicas of each state store on other instances, for fast fail-over.")
      .define(STREAMS_THREADS, Type.INT, 2, Range.between(1, 64), Importance.LOW,
          "Kafka Streams threads per instance; about one per core (on 2 cores, 2 threads halved the p99 "
              + "reading-to-alert latency of one thread, see docs/benchmarks.md).")
      .define(STREAMS_COMMIT_INTERVAL_MS, Type.LONG, 1000L, Range.atLeast(10), Importance.LOW,
          "How often Kafka Streams commits (and, under exactly-once, makes results visible), ms. An alert "
              + "reaches read_committed subscribers at the commit after its reading: for live alerting set 50 "
              + "(envmon bench's setting; docs/benchmarks.md gives the latency it measured), the default suits "
              + "replays and bulk loads.")
      .define(STREAMS_GRACE_MS, Type.LONG, 7_200_000L, Range.atLeast(0), Importance.MEDIUM,
          "Event-time grace: how long after a period ends late readings still update it in place (then re-emitted with a higher revision).")
      .define(STREAMS_DAY_CLOSE_SPREAD_MS, Type.LONG, 3_600_000L, Range.atLeast(0), Importance.LOW,
          "Each station closes its day (daily statistics, daily AQI, plan inputs) at the day's end plus the grace plus "
              + "its own offset, a multiple of 10 minutes strictly between 0 and this (from its id), so stations "
              + "reporting together do not all close their days at one reading; 20 minutes or less (0 among them) closes "
              + "every station's day at the grace.")
      .define(STREAMS_AS_YEAR, Type.INT, 0, Range.between(0, 2100), Importance.LOW,
          "Re-date plan progress of replayed historical data to this year (e.g. 2026) so that year's targets apply; 0 = off.")
      .define(INFLUX_URL, Type.STRING, "", Importance.HIGH,
          "InfluxDB base URL, e.g. http://127.0.0.1:8086. Empty: no InfluxDB sink (the demo says where results can be seen).")
      .define(INFLUX_API, Type.STRING, "v2", ValidString.in("v1", "v2"), Importance.HIGH,
          "InfluxDB write API: v1 (/write with db, retention policy, basic auth; InfluxDB 1.x) or v2 (/api/v2/write with org, bucket, token).")
      .define(INFLUX_DATABASE, Type.STRING, "envmon", Importance.MEDIUM, "v1 API: database to write to (created if missing).")
      .define(INFLUX_RETENTION_POLICY, Type.STRING, "", Importance.LOW, "v1 API: retention policy; empty for the database default.")
      .define(INFLUX_USERNAME, Type.STRING, "", Importance.LOW, "v1 API: user for basic auth; empty for none.")
      .define(INFLUX_PASSWORD_ENV, Type.STRING, "ENVMON_INFLUX_PASSWORD", Importance.LOW,
          "v1 API: name of the environment variable holding the password of influx.username (never put secrets in "
              + "the config file).")
      .define(INFLUX_PASSWORD_FILE, Type.STRING, "", Importance.LOW,
          "v1 API: file holding the password of influx.username (first line), used when the environment variable "
              + "named by influx.password.env is unset; e.g. a Docker or Kubernetes secret.")
      .define(INFLUX_ORG, Type.STRING, "envmon", Importance.MEDIUM, "v2 API: organisation.")
      .define(INFLUX_BUCKET, Type.STRING, "envmon", Importance.MEDIUM, "v2 API: bucket.")
      .define(INFLUX_TOKEN_ENV, Type.STRING, "ENVMON_INFLUX_TOKEN", Importance.MEDIUM,
          "v2 API: name of the environment variable holding the token.")
      .define(INFLUX_TOKEN_FILE, Type.STRING, "", Importance.MEDIUM,
          "v2 API: file holding the token (first line), used when the environment variable is unset.")
      .define(INFLUX_GZIP, Type.BOOLEAN, false, Importance.LOW,
          "Gzip the write requests (v1 and v2 API). Turn it on for an InfluxDB reached over a slow or metered link, "
              + "where smaller requests matter more than CPU; leave it off for a local InfluxDB, where compressing "
              + "cost about 13 % of the write rate (docs/benchmarks.md).")
      .define(HJ212_PORT, Type.INT, 0, Range.between(-1, 65535), Importance.MEDIUM,
          "TCP port of the HJ 212 receiver; 0 picks a free port, -1 disables it.")
      .define(HTTP_PORT, Type.INT, 0, Range.between(-1, 65535), Importance.MEDIUM,
          "Port of the HTTP API (readings, alerts, health, metrics); 0 picks a free port, -1 disables it.")
      .define(HTTP_TLS_KEYSTORE, Type.STRING, "", Importance.MEDIUM,
          "PKCS12 keystore for HTTPS on the HTTP API; empty serves plain HTTP.")
      .define(HTTP_TLS_PASSWORD_ENV, Type.STRING, "ENVMON_HTTP_TLS_PASSWORD", Importance.LOW,
          "Name of the environment variable holding the keystore password.")
      .define(HTTP_TLS_PASSWORD_FILE, Type.STRING, "", Importance.LOW,
          "File holding the keystore password (first line), used when the environment variable named by "
              + "ingest.http.tls.password.env is unset.")
      .define(HTTP_REQUEST_TIMEOUT_MS, Type.LONG, HttpIngestConfig.DEFAULT_REQUEST_TIMEOUT.toMillis(),
          Range.between(100, 3_600_000), Importance.LOW,
          "An HTTP request (headers and body) must arrive whole within this many ms once a handler thread starts "
              + "reading it, and its answer be written within it once ready; otherwise the connection is closed, "
              + "unanswered (slow-loris clients cannot hold the 16 handler threads). The wait for Kafka's "
              + "acknowledgement is not counted. Counted as envmon.ingest.http.request.timeouts.")
      .define(MQTT_URL, Type.STRING, "", Importance.MEDIUM,
          "MQTT broker URL (tcp://host:1883) to subscribe to; empty disables MQTT ingest.")
      .define(MQTT_TOPIC, Type.STRING, "envmon/stations/+/readings", new ConfigDef.NonEmptyString(), Importance.LOW,
          "MQTT topic filter; the + level is the station id.")
      .define(MQTT_CLIENT_ID, Type.STRING, "envmon-ingest", new ConfigDef.NonEmptyString(), Importance.LOW,
          "Stable MQTT client id (persistent session: QoS 1 messages survive a restart).")
      .define(MQTT_USERNAME, Type.STRING, "", Importance.MEDIUM,
          "User envmon logs in to the MQTT broker as; empty connects anonymously. A user needs a password, from the "
              + "environment variable named by ingest.mqtt.password.env or the file in ingest.mqtt.password.file.")
      .define(MQTT_PASSWORD_ENV, Type.STRING, "ENVMON_MQTT_PASSWORD", Importance.LOW,
          "Name of the environment variable holding the password of ingest.mqtt.username (never put secrets in the "
              + "config file).")
      .define(MQTT_PASSWORD_FILE, Type.STRING, "", Importance.LOW,
          "File holding the password of ingest.mqtt.username (first line), used when the environment variable named "
              + "by ingest.mqtt.password.env is unset.")
      .define(RAW_TOPIC_ENABLED, Type.BOOLEAN, true, Importance.LOW,
          "Validate JSON readings from envmon.readings.raw into envmon.readings.")
      .define(MAX_FUTURE_MS, Type.LONG, 600_000L, Range.atLeast(0), Importance.LOW,
          "Readings time-stamped more than this after now are rejected (FUTURE_TIME).")
      .define(HJ212_STATION_MAX_CONNECTIONS, Type.INT, Hj212ServerOptions.DEFAULT_MAX_CONNECTIONS_PER_STATION,
          Range.between(1, 1000), Importance.LOW,
          "HJ 212 connections one station (MN) may hold. When a further one authenticates, the station's oldest "
              + "connection is closed (most likely one a reconnecting logger left half-open) and the new one is "
              + "admitted; counted as envmon.hj212.connections.evicted.station.")
      .define(HJ212_HOST_MAX_UNAUTHENTICATED, Type.INT, Hj212ServerOptions.DEFAULT_MAX_UNAUTHENTICATED_PER_HOST,
          Range.atLeast(1), Importance.LOW,
          "HJ 212 connections one IP address may hold before they send an authenticated packet; further ones are "
              + "closed at once. Raise it when many loggers reach envmon through one NAT address and reconnect together.")
      .define(HJ212_STATION_RATE, Type.DOUBLE, Hj212ServerOptions.DEFAULT_STATION_RATE.perSecond(),
          Range.between(0.01, 1_000_000), Importance.LOW,
          "HJ 212 packets per second one station may send, over all its connections, after its burst. Beyond it the "
              + "server reads the station's connections more slowly (TCP back-pressure): nothing is dropped.")
      .define(HJ212_STATION_BURST, Type.INT, Hj212ServerOptions.DEFAULT_STATION_RATE.burst(),
          Range.between(1, 1_000_000), Importance.LOW,
          "HJ 212 packets one station may send at once after a quiet spell (token-bucket size).")
      .define(HTTP_STATION_RATE, Type.DOUBLE, HttpIngestConfig.DEFAULT_STATION_RATE.perSecond(),
          Range.between(0.01, 1_000_000), Importance.LOW,
          "Readings (records, refused ones included) per second one station may POST, after its burst. Beyond it "
              + "the request gets 429 with Retry-After and nothing of it is taken, so the client sends it again.")
      .define(HTTP_STATION_BURST, Type.INT, HttpIngestConfig.DEFAULT_STATION_RATE.burst(),
          Range.between(1, 1_000_000), Importance.LOW,
          "Readings one station may POST at once after a quiet spell; a larger request waits for a full bucket.")
      .define(HTTP_STATION_MAX_INFLIGHT, Type.INT, HttpIngestConfig.DEFAULT_MAX_IN_FLIGHT_PER_STATION,
          Range.atLeast(1), Importance.LOW,
          "Readings of one station waiting for Kafka's acknowledgement (of 10 000 over all stations); beyond it "
              + "that station's requests get 429 with Retry-After while the other stations go on.")
      .define(MQTT_STATION_RATE, Type.DOUBLE, MqttIngestConfig.DEFAULT_STATION_RATE.perSecond(),
          Range.between(0.01, 1_000_000), Importance.LOW,
          "MQTT records per second one station may publish, after its burst. The records of a message beyond it go "
              + "to envmon.readings.dlq as RATE_LIMITED (the message is acknowledged).")
      .define(MQTT_STATION_BURST, Type.INT, MqttIngestConfig.DEFAULT_STATION_RATE.burst(),
          Range.between(1, 1_000_000), Importance.LOW,
          "MQTT records one station may publish at once after a quiet spell.")
      .define(STATUS_HTTP_PORT, Type.INT, 0, Range.between(0, 65535), Importance.MEDIUM,
          "Port of the status API (latest values, AQI, open alerts, plan progress from Kafka Streams interactive queries); 0 picks a free port.")
      .define(STATUS_ADVERTISED_HOST, Type.STRING, "localhost", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Host name other envmon instances reach this instance's status API on (Kafka Streams application.server).")
      .define(ALERTS_HTTP_PORT, Type.INT, 0, Range.between(-1, 65535), Importance.MEDIUM,
          "Port of the alerts API (SSE /api/v1/alerts/stream, open alerts /api/v1/alerts?state=open); 0 picks a free port, -1 disables it.")
      .define(ALERTS_WEBHOOKS_FILE, Type.STRING, "", Importance.MEDIUM,
          "Webhook subscribers (properties file, see docs/alerts.md); empty for none.")
      .define(ALERTS_WEBHOOK_MAX_ATTEMPTS, Type.INT, 8, Range.between(1, 100), Importance.LOW,
          "Attempts per alert and webhook subscriber before the delivery goes to envmon.sink.dlq.");

  public EnvmonConfig(Map<?, ?> values) {
    super(CONFIG, values, false);
  }

  /** Properties for every Kafka client: bootstrap servers plus every kafka.* key not defined above. */
  public Properties kafkaClientProperties() {
    Properties p = new Properties();
    p.put("bootstrap.servers", String.join(",", getList(KAFKA_BOOTSTRAP)));
    originals().forEach((k, v) -> {
      if (k.startsWith(KAFKA_PASSTHROUGH_PREFIX) && !CONFIG.names().contains(k)) {
        p.put(k.substring(KAFKA_PASSTHROUGH_PREFIX.length()), v);
      }
    });
    return p;
  }

  /** {@link #kafkaClientProperties()} as the map the admin client and option builders take. */
  public Map<String, Object> kafkaClientConfig() {
    Map<String, Object> map = new java.util.HashMap<>();
    kafkaClientProperties().forEach((k, v) -> map.put(k.toString(), v));
    return map;
  }

  /** Markdown table of every key: the body of docs/configuration.md. */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder("| Key | Type | Default | Valid values | Description |\n|---|---|---|---|---|\n");
    for (ConfigDef.ConfigKey key : CONFIG.configKeys().values()) {
      Object def = key.hasDefault() ? ConfigDef.convertToString(key.defaultValue, key.type) : "(required)";
      sb.append("| `").append(key.name).append("` | ").append(key.type.toString().toLowerCase(java.util.Locale.ROOT))
          .append(" | `").append(def).append("` | ")
          .append(key.validator == null ? "" : key.validator.toString().replace("|", "\\|"))
          .append(" | ").append(key.documentation.replace("|", "\\|")).append(" |\n");
    }
    return sb.toString();
  }
}
