package org.envmon.streams.internals;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.ByteBufferInputStream;
import org.apache.kafka.common.utils.ByteBufferOutputStream;
import org.envmon.schemas.serde.EncodeBuffers;
import org.envmon.schemas.serde.FunctionSerde;

/**
 * Serdes for the topology's private state-store values: a format byte, then the fields written
 * with {@link DataOutputStream}. Compact, dependency-free, and refuses formats it does not know,
 * so a later layout can still tell old changelog records apart.
 */
public final class StateSerde {
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
      // the thread's buffer (reused: a new one per value was a fifth of the stream threads'
      // allocation); a writer encoding a nested value (noise and water periods) gets a fresh one
      ByteBufferOutputStream buffer = EncodeBuffers.claim();
      try {
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeByte(format);
        writer.write(out, value);
        out.flush();
        return EncodeBuffers.written(buffer);
      } catch (IOException e) {
        throw new SerializationException("cannot encode " + what + ": " + e.getMessage(), e);
      } finally {
        EncodeBuffers.release(buffer);
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
}
