package org.envmon.app.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LeqCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new LeqCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void plainEnergyMean() {
    assertThat(run("55", "60", "58")).isZero();
    // 10 log10((10^5.5 + 10^6 + 10^5.8) / 3) = 58.12
    assertThat(out.toString()).isEqualTo("Leq 58.1 dB(A) over 3 levels (day), Lmax 60.0 dB(A)" + System.lineSeparator());
  }

  @Test
  void nightInZone2() {
    assertThat(run("--zone", "2", "--period", "night", "--date", "2026-05-01", "45", "52", "48")).isZero();
    // 10 log10((10^4.5 + 10^5.2 + 10^4.8) / 3) = 49.3
    assertThat(out.toString()).isEqualTo(String.join(System.lineSeparator(),
        "Leq 49.3 dB(A) over 3 levels (night), Lmax 52.0 dB(A)",
        "Leq limit zone 2: 50 dB(A) (GB3096-2008.LEQ.LEQ_NIGHT.2) -> within, 0.7 dB(A) below",
        "Lmax (night sudden noise) limit zone 2: 65 dB(A) (GB3096-2008.LMAX.LMAX_NIGHT.2) -> within, 13.0 dB(A) below",
        ""));
  }

  @Test
  void jsonExceeded() throws Exception {
    assertThat(run("--zone", "4a", "--json", "--date", "2026-05-01", "72", "74")).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("leq").asDouble()).isCloseTo(73.1, within(1e-9));
    assertThat(j.get("limit").get("limit").asDouble()).isEqualTo(70.0);
    assertThat(j.get("limit").get("exceeded").asBoolean()).isTrue();
    assertThat(j.get("limit").get("margin").asDouble()).isCloseTo(3.1, within(1e-9));
    assertThat(j.has("lmaxLimit")).isFalse();
  }

  @Test
  void badLevelExitsWith2() {
    assertThat(run("55", "loud")).isEqualTo(2);
    assertThat(err.toString()).contains("bad argument 'loud': a level must be a number in dB(A)");
  }

  @Test
  void badZoneAndPeriodExitWith2() {
    assertThat(run("--zone", "5", "55")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown GB 3096 zone class '5'");
    assertThat(run("--period", "evening", "55")).isEqualTo(2);
    assertThat(err.toString()).contains("bad argument '--period evening': use day or night");
  }
}
