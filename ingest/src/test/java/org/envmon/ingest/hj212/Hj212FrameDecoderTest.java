package org.envmon.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Hj212FrameDecoderTest {
  static List<Hj212Vectors.Vector> allVectors() {
    return Hj212Vectors.all();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> frames(List<Hj212FrameDecoder.Event> events) {
    return events.stream().filter(Hj212FrameDecoder.FrameEvent.class::isInstance)
        .map(e -> ((Hj212FrameDecoder.FrameEvent) e).frame().wireText()).toList();
  }

  private static List<Hj212DecodeError.Kind> errors(List<Hj212FrameDecoder.Event> events) {
    return events.stream().filter(Hj212FrameDecoder.ErrorEvent.class::isInstance)
        .map(e -> ((Hj212FrameDecoder.ErrorEvent) e).error().kind()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allVectors")
  void everyVectorIsOneFrameWithItsSegmentAndCrc(Hj212Vectors.Vector vector) {
    List<Hj212FrameDecoder.Event> events = new Hj212FrameDecoder(9999).feed(vector.bytesWithCrLf());

    assertThat(events).hasSize(1);
    Hj212Frame frame = ((Hj212FrameDecoder.FrameEvent) events.get(0)).frame();
    assertThat(frame.segmentText()).isEqualTo(vector.segment());
    assertThat(frame.crcText()).isEqualTo(vector.crc());
    assertThat(frame.missingCr()).isFalse();
    assertThat(frame.wireText()).isEqualTo(vector.wire());
  }

  @Test
  void allVectorsFedByteByByteComeOutInOrder() {
    Hj212FrameDecoder decoder = new Hj212FrameDecoder(9999);
    List<Hj212FrameDecoder.Event> events = new ArrayList<>();
    for (Hj212Vectors.Vector v : Hj212Vectors.all()) {
      for (byte b : v.bytesWithCrLf()) {
        events.addAll(decoder.feed(new byte[] {b}));
      }
    }
    assertThat(frames(events)).containsExactlyElementsOf(Hj212Vectors.all().stream().map(Hj212Vectors.Vector::wire).toList());
    assertThat(decoder.buffered()).isZero();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void allVectorsInOneStreamCutAtRandomPlacesComeOutInOrder(long seed) {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    Hj212Vectors.all().forEach(v -> stream.writeBytes(v.bytesWithCrLf()));
    byte[] all = stream.toByteArray();
    Random random = new Random(seed);
    Hj212FrameDecoder decoder = new Hj212FrameDecoder(9999);
    List<Hj212FrameDecoder.Event> events = new ArrayList<>();
    int pos = 0;
    while (pos < all.length) {
      int n = Math.min(all.length - pos, 1 + random.nextInt(300));
      events.addAll(decoder.feed(Arrays.copyOfRange(all, pos, pos + n)));
      pos += n;
    }
    assertThat(errors(events)).isEmpty();
    assertThat(frames(events)).hasSize(Hj212Vectors.all().size());
  }

  @Test
  void twoPacketsInOneReadGiveTwoFrames() {
    Hj212Vectors.Vector a = Hj212Vectors.containing("CN=2011;PW=123456;MN=Y8");
    Hj212Vectors.Vector b = Hj212Vectors.containing("CN=1011");
    byte[] both = bytes(a.wire() + "\r\n" + b.wire() + "\r\n");

    assertThat(frames(new Hj212FrameDecoder(9999).feed(both))).containsExactly(a.wire(), b.wire());
  }

  @Test
  void garbageBeforeAFrameIsReportedAndSkipped() {
    Hj212Vectors.Vector v = Hj212Vectors.containing("CN=1011");
    List<Hj212FrameDecoder.Event> events = new Hj212FrameDecoder(9999).feed(bytes("AT+OK\r\n#x" + v.wire() + "\r\n"));

    assertThat(errors(events)).containsExactly(Hj212DecodeError.Kind.GARBAGE);
    assertThat(frames(events)).containsExactly(v.wire());
  }

  @Test
  void aNonDigitLengthResynchronisesOnTheNextMarker() {
    Hj212Vectors.Vector v = Hj212Vectors.containing("CN=1011");
    List<Hj212FrameDecoder.Event> events = new Hj212FrameDecoder(9999).feed(bytes("##00x7QN=1;" + v.wire() + "\r\n"));

    assertThat(errors(events)).startsWith(Hj212DecodeError.Kind.BAD_LENGTH);
    assertThat(frames(events)).containsExactly(v.wire());
  }

  @Test
  void aLengthAboveTheMaximumIsOversizedAndTheStreamRecovers() {
    Hj212Vectors.Vector v = Hj212Vectors.containing("CN=1011");
    List<Hj212FrameDecoder.Event> events = new Hj212FrameDecoder(100).feed(bytes("##0500QN=1;" + v.wire() + "\r\n"));

    assertThat(errors(events)).startsWith(Hj212DecodeError.Kind.OVERSIZED);
    assertThat(frames(events)).containsExactly(v.wire());
  }

  @Test
  void aLengthFieldThatIsTooShortIsABadTrailerAndTheNextFrameStillDecodes() {
    Hj212Vectors.Vector v = Hj212Vectors.containing("CN=1011");
    String wrongLength = "##0080" + v.wire().substring(6);
    List<Hj212FrameDecoder.Event> events = new Hj212FrameDecoder(9999)
        .feed(bytes(wrongLength + "\r\n" + v.wire() + "\r\n"));

    assertThat(errors(events)).startsWith(Hj212DecodeError.Kind.BAD_TRAILER);
    assertThat(frames(events)).containsExactly(v.wire());
  }

  @Test
  void aMissingCarriageReturnIsToleratedAndMarked() {
    Hj212Vectors.Vector v = Hj212Vectors.containing("CN=1011");
    List<Hj212FrameDecoder.Event> events = new Hj212FrameDecoder(9999).feed(bytes(v.wire() + "\n"));

    assertThat(events).hasSize(1);
    assertThat(((Hj212FrameDecoder.FrameEvent) events.get(0)).frame().missingCr()).isTrue();
  }

  @Test
  void aSegmentOfTheFullFourDigitLengthIsAccepted() {
    String segment = "ST=22;CN=2011;PW=1;MN=2;CP=&&" + "x=1;".repeat(2490) + "&&";
    String crc = Hj212Crc.hex(Hj212Crc.hj212(bytes(segment)));
    String wire = String.format("##%04d", segment.length()) + segment + crc;

    assertThat(frames(new Hj212FrameDecoder(9999).feed(bytes(wire + "\r\n")))).containsExactly(wire);
  }

  @Test
  void bytesWithoutAnyMarkerAreNotAccumulated() {
    Hj212FrameDecoder decoder = new Hj212FrameDecoder(1024);
    byte[] noise = new byte[4096];
    Arrays.fill(noise, (byte) 'z');
    for (int i = 0; i < 256; i++) {
      decoder.feed(noise);
    }
    assertThat(decoder.buffered()).isZero();
  }

  @Test
  void theMaximumMustFitFourDigits() {
    assertThatThrownBy(() -> new Hj212FrameDecoder(10_000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..9999");
  }
}
