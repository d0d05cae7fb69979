package org.envmon.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.utils.ByteBufferOutputStream;
import org.junit.jupiter.api.Test;

class EncodeBuffersTest {
  @Test
  void theThreadsBufferIsReusedEmpty() {
    ByteBufferOutputStream first = EncodeBuffers.claim();
    first.write(new byte[] {1, 2, 3}, 0, 3);
    assertThat(EncodeBuffers.written(first)).containsExactly(1, 2, 3);
    EncodeBuffers.release(first);

    ByteBufferOutputStream second = EncodeBuffers.claim();
    assertThat(second).isSameAs(first);
    assertThat(EncodeBuffers.written(second)).isEmpty();
    EncodeBuffers.release(second);
  }

  @Test
  void aClaimWhileTheThreadsBufferIsInUseGetsItsOwn() {
    ByteBufferOutputStream outer = EncodeBuffers.claim();
    outer.write(new byte[] {7, 7}, 0, 2);
    ByteBufferOutputStream nested = EncodeBuffers.claim();
    assertThat(nested).isNotSameAs(outer);
    nested.write(new byte[] {9}, 0, 1);
    assertThat(EncodeBuffers.written(nested)).containsExactly(9);
    EncodeBuffers.release(nested);
    // the nested release left the outer buffer claimed and intact
    assertThat(EncodeBuffers.claim()).isNotSameAs(outer);
    assertThat(EncodeBuffers.written(outer)).containsExactly(7, 7);
    EncodeBuffers.release(outer);
    assertThat(EncodeBuffers.claim()).isSameAs(outer);
    EncodeBuffers.release(outer);
  }

  @Test
  void aBufferGrownPastAMebibyteIsNotKept() {
    ByteBufferOutputStream large = EncodeBuffers.claim();
    large.write(new byte[2 << 20], 0, 2 << 20);
    EncodeBuffers.release(large);
    ByteBufferOutputStream next = EncodeBuffers.claim();
    assertThat(next).isNotSameAs(large);
    assertThat(next.buffer().capacity()).isLessThan(1 << 20);
    EncodeBuffers.release(next);
  }
}
