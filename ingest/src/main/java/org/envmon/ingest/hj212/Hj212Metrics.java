package org.envmon.ingest.hj212;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;
import org.envmon.ingest.core.RejectReason;

/** The receiver's counters, all prefixed {@code envmon.hj212.}. */
public final class Hj212Metrics {
  private final MeterRegistry registry;
  private final Counter accepted;
  private final Counter duplicates;
  private final Counter readings;
  private final Counter modbusCrc;
  private final Counter publishFailures;
  private final Counter connectionsRefused;
  private final Counter stationConnectionsEvicted;
  private final Counter hostConnectionsRefused;
  private final Counter throttled;

  public Hj212Metrics(MeterRegistry registry) {
    this.registry = registry;
    this.accepted = Counter.builder("envmon.hj212.packets.accepted")
        .description("Packets processed and, where asked, answered").register(registry);
    this.duplicates = Counter.builder("envmon.hj212.duplicates")
        .description("Values dropped as retransmissions of (MN, CN, DataTime, code)").register(registry);
    this.readings = Counter.builder("envmon.hj212.readings.published")
        .description("Readings acknowledged by Kafka").register(registry);
    this.modbusCrc = Counter.builder("envmon.hj212.crc.modbus")
        .description("Packets accepted with a MODBUS CRC under a station's compatibility switch").register(registry);
    this.publishFailures = Counter.builder("envmon.hj212.publish.failures")
        .description("Packets left unanswered because Kafka did not take their records").register(registry);
    this.connectionsRefused = Counter.builder("envmon.hj212.connections.refused")
        .description("Connections closed at once because the connection limit was reached").register(registry);
    this.stationConnectionsEvicted = Counter.builder("envmon.hj212.connections.evicted.station")
        .description("Oldest connections of a station closed because a newer one authenticated while the station"
            + " held its maximum of connections")
        .register(registry);
    this.hostConnectionsRefused = Counter.builder("envmon.hj212.connections.refused.host")
        .description("Connections closed at once because their IP address held its maximum of unauthenticated ones")
        .register(registry);
    this.throttled = Counter.builder("envmon.hj212.packets.throttled")
        .description("Packets held back until their station's rate limit allowed them (none is dropped)")
        .register(registry);
  }

  /** Reports {@code admitted} (connections past every limit and not yet closed) as a gauge. */
  public void openConnections(IntSupplier admitted) {
    Gauge.builder("envmon.hj212.connections.open", admitted::getAsInt)
        .description("Connections admitted past every limit and not yet closed").strongReference(true)
        .register(registry);
  }

  public void accepted() {
    accepted.increment();
  }

  public void rejected(RejectReason reason) {
    Counter.builder("envmon.hj212.packets.rejected").tag("reason", reason.name())
        .description("Packets or values refused, by reason").register(registry).increment();
  }

  public void answerSent(String cn) {
    Counter.builder("envmon.hj212.answers.sent").tag("cn", cn)
        .description("Answers written to loggers, by CN").register(registry).increment();
  }

  public void duplicates(int count) {
    duplicates.increment(count);
  }

  public void published(int count) {
    readings.increment(count);
  }

  public void modbusCrcAccepted() {
    modbusCrc.increment();
  }

  public void publishFailed() {
    publishFailures.increment();
  }

  public void connectionRefused() {
    connectionsRefused.increment();
  }

  public void stationConnectionEvicted() {
    stationConnectionsEvicted.increment();
  }

  public void hostConnectionRefused() {
    hostConnectionsRefused.increment();
  }

  public void packetThrottled() {
    throttled.increment();
  }
}
