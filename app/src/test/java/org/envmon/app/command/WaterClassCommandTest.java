package org.envmon.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WaterClassCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new WaterClassCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void lakeSection() {
    int code = run("--body", "LAKE", "--date", "2026-06-01", "DO=5.5", "TP=0.04", "NH3N=0.8", "CODMN=3", "TN=1.2");
    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo(String.join(System.lineSeparator(),
        "GB 3838-2002 classes (LAKE)",
        "  DO          5.5  class III  (determines the section)",
        "  CODMN       3.0  class II",
        "  NH3N        0.8  class III  (determines the section)",
        "  TP         0.04  class III  (determines the section)",
        "  TN          1.2  class IV  (reported separately, not in the section class)",
        "Section class III (良好), good water (III or better)", ""));
  }

  @Test
  void riverJsonWorseThanV() throws Exception {
    int code = run("--body", "river", "--json", "DO=1.5", "TP=0.3");
    assertThat(code).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("sectionClass").asText()).isEqualTo("劣V");
    assertThat(j.get("label").asText()).isEqualTo("重度污染");
    assertThat(j.get("indicators").get("TP").get("class").asText()).isEqualTo("IV");
    assertThat(j.get("determining").get(0).asText()).isEqualTo("DO");
  }

  @Test
  void badBodyExitsWith2() {
    assertThat(run("--body", "SEA", "DO=5")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown water body type 'SEA'; use RIVER or LAKE");
  }

  @Test
  void unknownIndicatorExitsWith2() {
    assertThat(run("--body", "RIVER", "PM2_5=5")).isEqualTo(2);
    assertThat(err.toString()).contains("bad argument 'PM2_5=5': unknown water indicator 'PM2_5'");
  }

  @Test
  void missingBodyExitsWith2() {
    assertThat(run("DO=5")).isEqualTo(2);
    assertThat(err.toString()).contains("--body");
  }
}
