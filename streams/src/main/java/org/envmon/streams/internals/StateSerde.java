package org.envmon.streams.internals;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.ByteBufferInputStream;
import org.apache.kafka.common.utils.ByteBufferOutputStream;
import org.envmon.schemas.serde.FunctionSerde;

/**
 * Serdes for the topology's private state-store values: a format byte, then the fields written
 * with {@link DataOutputStream}. Compact, dependency-free, and refuses formats it does not know,
 * so a later layout can still tell old changelog records apart.
 */
public final class StateSerde {
  /** A thread's encoding buffer is dropped after a value this large rather than kept. */
  private static final int KEEP_AT_MOST = 1 << 20;
  /**
   * One growable buffer per thread, reused: a new 64-byte buffer per value grew by a tenth at a
   * time (Kafka's stream), so a day's state of a few KiB was copied dozens of times over while
   * it was written; state encoding was a fifth of the stream threads' allocation in the bench.
   */
  private static final ThreadLocal<EncodeBuffer> BUFFER = ThreadLocal.withInitial(EncodeBuffer::new);

  private StateSerde() {}

  /** Writes the fields of a value. */
  @FunctionalInterface
  public interface Writer<T> {
    void write(DataOutputStream out, T value) throws IOException;
  }

  /** Reads the fields of a value. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  /**
   * A serde for store values of one type.
   *
   * @param what   what the values are, for error messages
   * @param format format byte written first; bump it when the fields change
   */
  public static <T> Serde<T> of(String what, byte format, Writer<T> writer, Reader<T> reader) {
    FunctionSerde.Encoder<T> encoder = (topic, value) -> {
      if (value == null) {
        return null;
      }
      // Kafka's byte streams: unsynchronized, unlike ByteArrayOutputStream and ByteArrayInputStream
      EncodeBuffer shared = BUFFER.get();
      // a writer may encode a nested value with another of these serdes (noise and water periods)
      boolean nested = shared.inUse;
      ByteBufferOutputStream buffer = nested ? new ByteBufferOutputStream(256) : shared.claim();
      try {
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeByte(format);
        writer.write(out, value);
        out.flush();
        return Arrays.copyOf(buffer.buffer().array(), buffer.position());
      } catch (IOException e) {
        throw new SerializationException("cannot encode " + what + ": " + e.getMessage(), e);
      } finally {
        if (!nested) {
          shared.release();
        }
      }
    };
    FunctionSerde.Decoder<T> decoder = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try (DataInputStream in = new DataInputStream(new ByteBufferInputStream(ByteBuffer.wrap(bytes)))) {
        byte found = in.readByte();
        if (found != format) {
          throw new SerializationException(what + " written in unknown format " + found + "; this envmon reads format "
              + format + " (was the store written by another envmon version? reset the application to rebuild it)");
        }
        return reader.read(in);
      } catch (IOException | IllegalArgumentException e) {
        throw new SerializationException("corrupt " + what + " (" + bytes.length + " bytes): " + e.getMessage(), e);
      }
    };
    return FunctionSerde.of(encoder, decoder);
  }

  /** A thread's reusable encoding buffer, claimed by the outermost encode on that thread. */
  private static final class EncodeBuffer {
    private ByteBufferOutputStream stream = new ByteBufferOutputStream(4096);
    private boolean inUse;

    ByteBufferOutputStream claim() {
      inUse = true;
      stream.position(0);
      return stream;
    }

    void release() {
      inUse = false;
      if (stream.buffer().capacity() > KEEP_AT_MOST) {
        stream = new ByteBufferOutputStream(4096); // an unusually large value: do not keep its buffer
      }
    }
  }
}
