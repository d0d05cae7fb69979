package org.envmon.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Hj212AnswersTest {
  private static String text(Hj212Answers.Answer answer) {
    return new String(answer.frame(), StandardCharsets.UTF_8);
  }

  @Test
  void a2017DataAnswerIsByteForByteThePublishedExample() throws Exception {
    // zblzbl1991/hj-212-parser's 9014 vector, rebuilt from the upload it answers.
    Hj212Vectors.Vector published = Hj212Vectors.containing("CN=9014");
    Hj212Packet upload = Hj212Parser.parse(
        "QN=20201015123632010;ST=22;CN=2011;PW=123456;MN=410183160889201000212505;Flag=5;CP=&&&&");

    Hj212Answers.Answer answer = Hj212Answers.dataAnswer(upload);

    assertThat(answer.cn()).isEqualTo("9014");
    assertThat(text(answer)).isEqualToIgnoringCase(published.wire() + "\r\n");
    assertThat(text(answer)).endsWith("F001\r\n");
  }

  @Test
  void a2025UploadIsAnsweredWithFlag8AndEchoedFields() throws Exception {
    Hj212Packet upload = Hj212Parser.parse(Hj212Vectors.containing("CN=1011").segment());

    String answer = text(Hj212Answers.dataAnswer(upload));

    String segment = "QN=20240601085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=8;CP=&&&&";
    assertThat(answer).isEqualTo("##0087" + segment
        + Hj212Crc.hex(Hj212Crc.hj212(segment.getBytes(StandardCharsets.UTF_8))) + "\r\n");
  }

  @Test
  void notificationAnswerWithoutQnFor2005() throws Exception {
    Hj212Packet heartbeat = Hj212Parser.parse("ST=32;CN=1013;PW=123456;MN=LD1;CP=&&&&");

    Hj212Answers.Answer answer = Hj212Answers.notificationAnswer(heartbeat);

    assertThat(answer.cn()).isEqualTo("9013");
    assertThat(text(answer)).startsWith("##0045ST=91;CN=9013;PW=123456;MN=LD1;Flag=0;CP=&&&&");
  }
}
