package org.envmon.sinks.influx.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envmon.sinks.influx.write.InfluxWriteException.Kind.REJECTED;
import static org.envmon.sinks.influx.write.InfluxWriteException.Kind.RETRYABLE;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WriteFailureClassifierTest {

  @ParameterizedTest
  @CsvSource({"500,RETRYABLE", "502,RETRYABLE", "503,RETRYABLE", "429,RETRYABLE", "408,RETRYABLE",
      "400,REJECTED", "401,MISCONFIGURED", "403,MISCONFIGURED", "404,MISCONFIGURED", "413,REJECTED",
      "422,REJECTED"})
  void classifiesHttpStatus(int status, InfluxWriteException.Kind expected) {
    assertThat(WriteFailureClassifier.classifyStatus(status)).isEqualTo(expected);
  }

  @Test
  void successIsNoFailure() {
    assertThatThrownBy(() -> WriteFailureClassifier.classifyStatus(204))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void transportFailuresAreRetryable() {
    assertThat(WriteFailureClassifier.classifyTransport(new ConnectException("refused"))).isEqualTo(RETRYABLE);
    assertThat(WriteFailureClassifier.classifyTransport(new HttpTimeoutException("slow"))).isEqualTo(RETRYABLE);
    assertThat(WriteFailureClassifier.classifyTransport(
        new RuntimeException(new SocketException("Connection reset")))).isEqualTo(RETRYABLE);
    assertThat(WriteFailureClassifier.classifyTransport(
        new UncheckedIOException(new java.io.IOException("x")))).isEqualTo(RETRYABLE);
    assertThat(WriteFailureClassifier.classifyTransport(new IllegalStateException("bug"))).isEqualTo(REJECTED);
  }

  @Test
  void messagesNameServerStatusAndAdvice() {
    InfluxWriteException e = WriteFailureClassifier.forStatus(400, "http://h:8086 db=envmon",
        "{\"error\":\"partial write: field type conflict\"}\n");
    assertThat(e.kind()).isEqualTo(REJECTED);
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.getMessage()).isEqualTo("InfluxDB at http://h:8086 db=envmon answered HTTP 400: "
        + "{\"error\":\"partial write: field type conflict\"} (the batch contains points InfluxDB"
        + " refuses (e.g. a field type conflict))");
    InfluxWriteException auth = WriteFailureClassifier.forStatus(401, "t", "");
    assertThat(auth.getMessage()).contains("credentials");
    assertThat(auth.retryable()).isTrue();
    assertThat(e.retryable()).isFalse();
    assertThat(WriteFailureClassifier.forTransport(new RuntimeException(new ConnectException("Connection refused")),
        "http://h:1").getMessage()).isEqualTo("could not reach InfluxDB at http://h:1: ConnectException: Connection refused");
  }
}
