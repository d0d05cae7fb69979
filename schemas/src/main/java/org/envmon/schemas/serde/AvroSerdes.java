package org.envmon.schemas.serde;

import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;

/**
 * Kafka serdes for envmon's Avro records in Avro single-object encoding: a 2-byte marker, the
 * 8-byte schema fingerprint, then the binary record. The reader resolves the writer's schema by
 * fingerprint in {@link SchemaHistory}, so records written with older schema versions decode
 * into the current classes.
 */
public final class AvroSerdes {
  static {
    // Avro refuses to instantiate classes it was not told to trust; trust envmon's own
    // generated records (and keep whatever the JVM was configured to trust besides).
    ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
        type -> type.getName().startsWith("org.envmon.schemas.")));
  }

  private AvroSerdes() {}

  /** A serde for one generated record class. */
  public static <T extends SpecificRecord> Serde<T> of(Class<T> type) {
    Schema schema = SpecificData.get().getSchema(type);
    SpecificData model = new SpecificData(type.getClassLoader());
    BinaryMessageDecoder<T> resolving = new BinaryMessageDecoder<>(model, schema, SchemaHistory.store());
    resolving.addSchema(schema);
    SingleObjectCodec<T> codec = new SingleObjectCodec<>(model, schema, resolving);
    FunctionSerde.Encoder<T> encoder = (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        return codec.encode(value);
      } catch (IOException | AvroRuntimeException e) {
        throw new SerializationException("cannot encode " + type.getSimpleName() + " for topic " + topic
            + ": " + e.getMessage(), e);
      }
    };
    FunctionSerde.Decoder<T> decoder = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return codec.decode(bytes);
      } catch (IOException | AvroRuntimeException e) {
        throw new SerializationException("cannot decode " + type.getSimpleName() + " from topic " + topic
            + " (" + bytes.length + " bytes): " + e.getMessage(), e);
      }
    };
    return FunctionSerde.of(encoder, decoder);
  }
}
