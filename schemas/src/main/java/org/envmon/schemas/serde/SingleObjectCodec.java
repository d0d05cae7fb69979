package org.envmon.schemas.serde;

import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.ByteBufferOutputStream;

/**
 * Avro single-object encoding of one record class, byte for byte what Avro's
 * {@code BinaryMessageEncoder} writes, without its per-record costs. Avro's message codec reads
 * a byte array through a synchronized {@code ByteArrayInputStream} one byte at a time and writes
 * through a synchronized {@code ByteArrayOutputStream}; in the replay the two were a quarter of a
 * stream thread's time. Here a record of the current schema is decoded straight from the array, and
 * encoded into a per-thread buffer ({@link EncodeBuffers}). Anything else (a record written with an
 * older schema version, a bad header) goes to Avro's own decoder, which resolves the writer's
 * schema by fingerprint and words the errors.
 */
final class SingleObjectCodec<T extends SpecificRecord> {
  /** Marker (0xC3 0x01) and the 8-byte little-endian CRC-64-AVRO fingerprint of the writer's schema. */
  private static final int HEADER_LENGTH = 10;
  private static final ThreadLocal<BinaryEncoder> ENCODER = new ThreadLocal<>();
  private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

  private final byte[] header;
  private final DatumWriter<T> writer;
  private final DatumReader<T> reader;
  private final BinaryMessageDecoder<T> resolvingDecoder;

  @SuppressWarnings("unchecked")
  SingleObjectCodec(SpecificData model, Schema schema, BinaryMessageDecoder<T> resolvingDecoder) {
    this.header = header(SchemaNormalization.parsingFingerprint64(schema));
    this.writer = (DatumWriter<T>) model.createDatumWriter(schema);
    this.reader = (DatumReader<T>) model.createDatumReader(schema, schema);
    this.resolvingDecoder = resolvingDecoder;
  }

  byte[] encode(T value) throws IOException {
    ByteBufferOutputStream out = EncodeBuffers.claim();
    try {
      out.write(header, 0, HEADER_LENGTH);
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, ENCODER.get());
      ENCODER.set(encoder);
      writer.write(value, encoder);
      encoder.flush();
      return EncodeBuffers.written(out);
    } finally {
      EncodeBuffers.release(out);
    }
  }

  T decode(byte[] bytes) throws IOException {
    if (!hasCurrentHeader(bytes)) {
      return resolvingDecoder.decode(bytes);
    }
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH,
        DECODER.get());
    DECODER.set(decoder);
    return reader.read(null, decoder);
  }

  private boolean hasCurrentHeader(byte[] bytes) {
    return bytes.length >= HEADER_LENGTH && Arrays.equals(bytes, 0, HEADER_LENGTH, header, 0, HEADER_LENGTH);
  }

  private static byte[] header(long fingerprint) {
    byte[] h = new byte[HEADER_LENGTH];
    h[0] = (byte) 0xC3;
    h[1] = (byte) 0x01;
    for (int i = 0; i < 8; i++) {
      h[2 + i] = (byte) (fingerprint >>> (8 * i));
    }
    return h;
  }
}
