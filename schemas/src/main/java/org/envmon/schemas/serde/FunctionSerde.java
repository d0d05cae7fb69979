package org.envmon.schemas.serde;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one {@link Serializer} and one {@link Deserializer} class behind every envmon serde: the
 * Avro records' ({@link AvroSerdes}) and the state values' (streams' {@code StateSerde}) alike,
 * each made of an encoding and a decoding function.
 *
 * <p>Why one class: Kafka Streams calls every sink's serializer and every source's deserializer
 * from the same few call sites, and the JIT compiles those for the serializer classes it has
 * seen there. With a class per kind of serde, the plan stage's repartition topic, written only
 * when a day closes, brought a class the compiled code had not seen: at every Beijing midnight
 * {@code RecordCollectorImpl.send} and the source nodes' deserialization, the hottest methods of
 * the stream threads, hit type-check traps and were compiled again (seen with
 * {@code -XX:+LogCompilation}, docs/benchmarks.md, seventh round).
 */
public final class FunctionSerde {
  private FunctionSerde() {}

  /** Encodes a value for a topic (null stays null). */
  @FunctionalInterface
  public interface Encoder<T> {
    byte[] encode(String topic, T value);
  }

  /** Decodes a value read from a topic (null stays null). */
  @FunctionalInterface
  public interface Decoder<T> {
    T decode(String topic, byte[] bytes);
  }

  /** A serde of the shared classes over {@code encoder} and {@code decoder}. */
  public static <T> Serde<T> of(Encoder<T> encoder, Decoder<T> decoder) {
    return Serdes.serdeFrom(new FunctionSerializer<>(encoder), new FunctionDeserializer<>(decoder));
  }

  static final class FunctionSerializer<T> implements Serializer<T> {
    private final Encoder<T> encoder;

    FunctionSerializer(Encoder<T> encoder) {
      this.encoder = encoder;
    }

    @Override
    public byte[] serialize(String topic, T value) {
      return encoder.encode(topic, value);
    }
  }

  static final class FunctionDeserializer<T> implements Deserializer<T> {
    private final Decoder<T> decoder;

    FunctionDeserializer(Decoder<T> decoder) {
      this.decoder = decoder;
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
      return decoder.decode(topic, bytes);
    }
  }
}
