package org.envmon.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.Test;

class BrokerOptionsTest {
  @Test
  void defaultsAreASingleLocalNodeOnFreePortsUnderDataKafka() {
    BrokerOptions o = BrokerOptions.builder().build();
    assertThat(o.dataDir()).isEqualTo(Path.of("data", "kafka").toAbsolutePath().normalize());
    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(o.brokerPort()).isZero();
    assertThat(o.controllerPort()).isZero();
    assertThat(o.defaultPartitions()).isEqualTo(4);
    assertThat(o.startTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.serverProperties()).isEmpty();
    assertThat(o.extraListeners()).isEmpty();
  }

  @Test
  void toBuilderReproducesEveryOption() {
    BrokerOptions o = BrokerOptions.builder().dataDir(Path.of("/tmp/k")).host("localhost").brokerPort(9092)
        .controllerPort(9093).defaultPartitions(6).startTimeout(Duration.ofSeconds(5))
        .serverProperty("log.segment.bytes", "1048576")
        .listener(ListenerSpec.saslPlain(9094, Map.of("alice", "pw")))
        .build();
    BrokerOptions copy = o.toBuilder().build();
    assertThat(copy).usingRecursiveComparison().isEqualTo(o);
  }

  @Test
  void rejectsBadValuesWithTheReason() {
    assertThatThrownBy(() -> BrokerOptions.builder().brokerPort(70_000))
        .hasMessage("broker port must be between 0 (free port) and 65535, got 70000");
    assertThatThrownBy(() -> BrokerOptions.builder().controllerPort(-1))
        .hasMessage("controller port must be between 0 (free port) and 65535, got -1");
    assertThatThrownBy(() -> BrokerOptions.builder().defaultPartitions(0))
        .hasMessage("defaultPartitions must be at least 1, got 0");
    assertThatThrownBy(() -> BrokerOptions.builder().host(" "))
        .hasMessage("host must be a host name or IP address, got ' '");
    assertThatThrownBy(() -> BrokerOptions.builder().host("0.0.0.0"))
        .hasMessage("host must be an address clients can connect to (it is also advertised to them); '0.0.0.0'"
            + " is not. Use the machine's address or name, or 127.0.0.1");
    assertThatThrownBy(() -> BrokerOptions.builder().startTimeout(Duration.ZERO))
        .hasMessage("startTimeout must be positive, got PT0S");
    assertThatThrownBy(() -> BrokerOptions.builder().brokerPort(9092).controllerPort(9092).build())
        .hasMessage("broker port and controller port must differ, both are 9092");
  }

  @Test
  void reservesTheSettingsTheBrokerManagesItself() {
    assertThatThrownBy(() -> BrokerOptions.builder().serverProperty("listeners", "PLAINTEXT://:1"))
        .hasMessage("server property 'listeners' cannot be set: it is managed by the embedded broker;"
            + " use the builder's dedicated option instead");
    assertThatThrownBy(() -> BrokerOptions.builder().serverProperty("log.dirs", "/x"))
        .hasMessageStartingWith("server property 'log.dirs' cannot be set");
  }

  @Test
  void listenerNamesMustBeValidAndUnique() {
    assertThatThrownBy(() -> new ListenerSpec("sasl", SecurityProtocol.SASL_PLAINTEXT, 0, Map.of()))
        .hasMessage("listener name 'sasl' must be upper case letters, digits and underscores, starting with a letter");
    assertThatThrownBy(() -> BrokerOptions.builder()
        .listener(new ListenerSpec("CONTROLLER", SecurityProtocol.PLAINTEXT, 0, Map.of())))
        .hasMessage("listener name 'CONTROLLER' is already used; choose another name (PLAINTEXT and CONTROLLER are reserved)");
    assertThatThrownBy(() -> BrokerOptions.builder()
        .listener(ListenerSpec.saslPlain(0, Map.of("a", "b")))
        .listener(ListenerSpec.saslPlain(0, Map.of("c", "d"))))
        .hasMessageStartingWith("listener name 'SASL_PLAIN' is already used");
    assertThatThrownBy(() -> BrokerOptions.builder().brokerPort(9092)
        .listener(ListenerSpec.saslPlain(9092, Map.of("a", "b"))).build())
        .hasMessage("listener SASL_PLAIN port 9092 clashes with the broker or controller port");
  }

  @Test
  void saslPlainListenerRejectsUsersItCannotQuote() {
    assertThatThrownBy(() -> ListenerSpec.saslPlain(0, Map.of()))
        .hasMessage("a SASL/PLAIN listener needs at least one user");
    assertThatThrownBy(() -> ListenerSpec.saslPlain(0, Map.of("al ice", "pw")))
        .hasMessage("SASL user name 'al ice' may only contain letters, digits, '.', '_' and '-'");
    assertThatThrownBy(() -> ListenerSpec.saslPlain(0, Map.of("alice", "p\"w")))
        .hasMessage("password of SASL user 'alice' must not contain '\"' or '\\'");
  }
}
