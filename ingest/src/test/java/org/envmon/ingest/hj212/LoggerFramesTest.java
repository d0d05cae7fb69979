package org.envmon.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoggerFramesTest {
  @Test
  void theTestEncoderReproducesEveryVerifiedVectorAndNotTheInvalidOne() {
    assertThat(LoggerFrames.crc("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x2F80);
    for (Hj212Vectors.Vector v : Hj212Vectors.valid()) {
      assertThat(LoggerFrames.wire(v.segment())).as(v.source()).isEqualToIgnoringCase(v.wire());
    }
    Hj212Vectors.Vector invalid = Hj212Vectors.invalid();
    assertThat(LoggerFrames.wire(invalid.segment())).isNotEqualToIgnoringCase(invalid.wire());
  }
}
