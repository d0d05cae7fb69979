package org.envmon.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Hj212CrcTest {
  static List<Hj212Vectors.Vector> validVectors() {
    return Hj212Vectors.valid();
  }

  @Test
  void checkValuesOfBothAlgorithms() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertThat(Hj212Crc.hj212(check)).isEqualTo(0x2F80);
    assertThat(Hj212Crc.modbus(check)).isEqualTo(0x4B37);
    assertThat(Hj212Crc.modbusAsSent(check)).isEqualTo(0x374B);
    assertThat(Hj212Crc.hex(0x2F80)).isEqualTo("2F80");
    assertThat(Hj212Crc.hex(0xf001)).isEqualTo("F001");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVectors")
  void crcOfEveryVerifiedPacketEqualsTheOneOnTheWire(Hj212Vectors.Vector vector) {
    byte[] segment = vector.segment().getBytes(StandardCharsets.UTF_8);
    assertThat(segment).hasSize(vector.declaredLength());
    assertThat(Hj212Crc.hex(Hj212Crc.hj212(segment))).isEqualToIgnoringCase(vector.crc());
  }

  @Test
  void theInvalidPacketDoesNotMatch() {
    Hj212Vectors.Vector invalid = Hj212Vectors.invalid();
    int computed = Hj212Crc.hj212(invalid.segment().getBytes(StandardCharsets.UTF_8));
    assertThat(Hj212Crc.hex(computed)).isEqualTo("3C00").isNotEqualToIgnoringCase(invalid.crc());
  }
}
