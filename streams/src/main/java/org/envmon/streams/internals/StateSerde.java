package org.envmon.streams.internals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A compact binary serde for the topology's own state records, written field by field. The
 * first byte is a format version so a later layout can still read old changelogs.
 */
public final class StateSerde {
  /** Writes one value. */
  @FunctionalInterface
  public interface Writer<T> {
    void write(T value, DataOutputStream out) throws IOException;
  }

  /** Reads one value written by the matching {@link Writer}. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static final byte FORMAT = 1;

  private StateSerde() {}

  public static <T> Serde<T> of(String what, Writer<T> writer, Reader<T> reader) {
    return Serdes.serdeFrom((topic, value) -> {
      if (value == null) {
        return null;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(FORMAT);
        writer.write(value, out);
      } catch (IOException e) {
        throw new SerializationException("cannot encode " + what + ": " + e.getMessage(), e);
      }
      return bytes.toByteArray();
    }, (topic, data) -> {
      if (data == null) {
        return null;
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
        byte format = in.readByte();
        if (format != FORMAT) {
          throw new SerializationException("unknown " + what + " state format " + format
              + "; the state was written by a newer envmon, reset the application to rebuild it");
        }
        return reader.read(in);
      } catch (IOException e) {
        throw new SerializationException("cannot decode " + what + " (" + data.length + " bytes): " + e.getMessage(), e);
      }
    });
  }
}
