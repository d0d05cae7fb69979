package org.envmon.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Hj212ParserTest {
  static List<Hj212Vectors.Vector> validVectors() {
    return Hj212Vectors.valid();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVectors")
  void everyVerifiedVectorParses(Hj212Vectors.Vector vector) throws Exception {
    Hj212Packet packet = Hj212Parser.parse(vector.segment());
    assertThat(vector.segment()).contains("MN=" + packet.mn() + ";", "CN=" + packet.cn() + ";");
  }

  @Test
  void the2017ExampleWithAnswerRequest() throws Exception {
    Hj212Packet p = Hj212Parser.parse(Hj212Vectors.containing("CN=1062").segment());

    assertThat(p.qn()).isEqualTo("20160801085857223");
    assertThat(p.st()).isEqualTo("32");
    assertThat(p.cn()).isEqualTo("1062");
    assertThat(p.pw()).isEqualTo("100000");
    assertThat(p.mn()).isEqualTo("010000A8900016F000169DC0");
    assertThat(p.flag()).isEqualTo(5);
    assertThat(p.version()).isEqualTo(Hj212Version.HJ_212_2017);
    assertThat(p.answerRequested()).isTrue();
    assertThat(p.cp().fields()).isEqualTo(Map.of("RtdInterval", "30"));
    assertThat(p.cp().parameters()).isEmpty();
  }

  @Test
  void the2025ExampleHasVersionTwoAndAnEmptyDataArea() throws Exception {
    Hj212Packet p = Hj212Parser.parse(Hj212Vectors.containing("CN=1011").segment());

    assertThat(p.flag()).isEqualTo(9);
    assertThat(p.version()).isEqualTo(Hj212Version.HJ_212_2025);
    assertThat(p.version().flagBits()).isEqualTo(8);
    assertThat(p.answerRequested()).isTrue();
    assertThat(p.cp().fields()).isEmpty();
  }

  @Test
  void realTimeAirDataWithCommaAndSemicolonSeparators() throws Exception {
    Hj212Packet p = Hj212Parser.parse(Hj212Vectors.containing("MN=Y80110010000010").segment());

    assertThat(p.cn()).isEqualTo("2011");
    assertThat(p.st()).isEqualTo("22");
    assertThat(p.answerRequested()).isFalse();
    assertThat(p.cp().field("DataTime")).contains("20191012133710");
    assertThat(p.cp().parameters()).extracting(Hj212Packet.ParameterFields::code)
        .containsExactly("a21005", "a21004", "a21007", "a21006", "a21001", "a21003", "a21002");
    assertThat(p.cp().parameters().get(0).suffixes()).isEqualTo(Map.of("Rtd", "0.00", "Flag", "N"));
    assertThat(p.cp().parameters().get(5).get("Rtd")).contains("101.94");
  }

  @Test
  void a2005PacketWithoutQnOrFlag() throws Exception {
    Hj212Packet p = Hj212Parser.parse(Hj212Vectors.containing("MN=LD130133000015").segment());

    assertThat(p.qn()).isNull();
    assertThat(p.flag()).isNull();
    assertThat(p.version()).isEqualTo(Hj212Version.HJT_212_2005);
    assertThat(p.answerRequested()).isFalse();
    assertThat(p.cp().field("DataTime")).contains("20160824003817000");
    assertThat(p.cp().parameters()).extracting(Hj212Packet.ParameterFields::code).containsExactly("B01", "011", "060");
    assertThat(p.cp().parameters().get(2).suffixes()).isEqualTo(Map.of("Rtd", "1.803", "Flag", "N"));
  }

  @Test
  void splitPacketAndBackFillFields() throws Exception {
    Hj212Packet p = Hj212Parser.parse("QN=20260101000000000;ST=22;CN=2061;PW=1;MN=M;Flag=11;PNUM=3;PNO=2;RF=1;"
        + "CP=&&DataTime=20260101000000;a34004-Avg=35&&");

    assertThat(p.pnum()).isEqualTo(3);
    assertThat(p.pno()).isEqualTo(2);
    assertThat(p.backFill()).isTrue();
    assertThat(p.version()).isEqualTo(Hj212Version.HJ_212_2025);
  }

  @Test
  void malformedSegmentsSayWhatIsWrong() {
    assertThatThrownBy(() -> Hj212Parser.parse("ST=22;CN=2011;PW=1;MN=M"))
        .isInstanceOf(Hj212FormatException.class).hasMessageContaining("CP=&&");
    assertThatThrownBy(() -> Hj212Parser.parse("ST=22;CN=2011;PW=1;CP=&&&&"))
        .isInstanceOf(Hj212FormatException.class).hasMessageContaining("MN");
    assertThatThrownBy(() -> Hj212Parser.parse("ST=22;CN=2011;MN=M;Flag=x;CP=&&&&"))
        .isInstanceOf(Hj212FormatException.class).hasMessageContaining("Flag='x'");
    assertThatThrownBy(() -> Hj212Parser.parse("ST=22;CN=2011;MN=M;Flag=64;CP=&&&&"))
        .isInstanceOf(Hj212FormatException.class).hasMessageContaining("version 16");
    assertThatThrownBy(() -> Hj212Parser.parse("ST=22;CN=2011;MN=M;CP=&&a34004Rtd&&"))
        .isInstanceOf(Hj212FormatException.class).hasMessageContaining("a34004Rtd");
    assertThatThrownBy(() -> Hj212Parser.parse("ST=22;CN=2011;MN=M;CP=&&DataTime=1"))
        .isInstanceOf(Hj212FormatException.class).hasMessageContaining("&&");
  }

  @Test
  void dataTimeIsLocalTimeInTheGivenZone() throws Exception {
    ZoneOffset beijing = ZoneOffset.ofHours(8);
    assertThat(Hj212Time.parse("20191012133710", beijing)).isEqualTo(Instant.parse("2019-10-12T05:37:10Z"));
    assertThat(Hj212Time.parse("20160824003817123", beijing)).isEqualTo(Instant.parse("2016-08-23T16:38:17.123Z"));
    assertThat(Hj212Time.parse("20260101000000", ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThatThrownBy(() -> Hj212Time.parse("2019101213", beijing)).hasMessageContaining("yyyyMMddHHmmss");
    assertThatThrownBy(() -> Hj212Time.parse("20190230133710", beijing)).hasMessageContaining("not a valid date");
  }
}
