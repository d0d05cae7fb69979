package org.envmon.schemas.serde;

import java.util.Arrays;
import org.apache.kafka.common.utils.ByteBufferOutputStream;

/**
 * One growable encoding buffer per thread, for the serializers on the stream threads' hot path
 * (Avro records, state-store values): a new buffer per value, grown as it is written, was most
 * of the serializers' allocation. {@link #claim} hands out the thread's buffer, or a fresh one
 * while the thread's is in use (a writer that encodes a nested value with another serializer);
 * {@link #release} frees it. Kafka's stream, unlike {@code ByteArrayOutputStream}, is
 * unsynchronized.
 */
public final class EncodeBuffers {
  /** A thread's buffer is dropped after a value this large rather than kept for the thread's life. */
  private static final int KEEP_AT_MOST = 1 << 20;
  private static final int INITIAL = 4096;
  private static final ThreadLocal<Holder> THREAD_BUFFER = ThreadLocal.withInitial(Holder::new);

  private EncodeBuffers() {}

  /** An empty buffer to write one value into; give it back with {@link #release}. */
  public static ByteBufferOutputStream claim() {
    Holder holder = THREAD_BUFFER.get();
    if (holder.inUse) {
      return new ByteBufferOutputStream(256);
    }
    holder.inUse = true;
    holder.stream.position(0);
    return holder.stream;
  }

  /** The bytes written into {@code buffer} since it was claimed. */
  public static byte[] written(ByteBufferOutputStream buffer) {
    return Arrays.copyOf(buffer.buffer().array(), buffer.position());
  }

  /** Frees a buffer from {@link #claim} (in a finally block). */
  public static void release(ByteBufferOutputStream buffer) {
    Holder holder = THREAD_BUFFER.get();
    if (buffer != holder.stream) {
      return; // a nested value's own buffer
    }
    holder.inUse = false;
    if (buffer.buffer().capacity() > KEEP_AT_MOST) {
      holder.stream = new ByteBufferOutputStream(INITIAL);
    }
  }

  private static final class Holder {
    private ByteBufferOutputStream stream = new ByteBufferOutputStream(INITIAL);
    private boolean inUse;
  }
}
