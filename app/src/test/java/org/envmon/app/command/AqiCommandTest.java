package org.envmon.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AqiCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new AqiCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void dailyAqiUnder2026() {
    int code = run("--date", "2026-05-01", "--period", "day", "PM2_5=75", "PM10=150", "SO2=10", "NO2=40", "CO=0.8",
        "O3_8H=120");
    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo(String.join(System.lineSeparator(),
        "Daily AQI for 2026-05-01 under HJ 633-2026",
        "  SO2            10  IAQI 10",
        "  NO2            40  IAQI 50",
        "  PM10          150  IAQI 112",
        "  CO            0.8  IAQI 20",
        "  O3_8H         120  IAQI 67",
        "  PM2_5          75  IAQI 114",
        "AQI 114  level 3  轻度污染  #FF7E00",
        "Primary pollutant: PM2_5", ""));
  }

  @Test
  void the2015DateUsesThe2012Rules() {
    int code = run("--date", "2015-05-01", "PM2_5=75", "PM10=150", "SO2=10", "NO2=40", "CO=0.8", "O3=150",
        "O3_8H=120");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("under HJ 633-2012").contains("AQI 100  level 2  良")
        .contains("Primary pollutant: PM10, PM2_5");
  }

  @Test
  void hourlyJson() throws Exception {
    int code = run("--date", "2026-05-01", "--period", "hour", "--json", "pm2.5=80", "PM10=35", "SO2=12", "NO2=60",
        "O3=100");
    assertThat(code).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("standard").asText()).isEqualTo("HJ 633-2026");
    assertThat(j.get("period").asText()).isEqualTo("hour");
    assertThat(j.get("aqi").asInt()).isEqualTo(119);
    assertThat(j.get("iaqi").get("PM2_5").asInt()).isEqualTo(119);
    assertThat(j.get("missing").get(0).asText()).isEqualTo("CO");
    assertThat(j.get("primaryPollutants").get(0).asText()).isEqualTo("PM2_5");
    assertThat(j.get("category").asText()).isEqualTo("轻度污染");
  }

  @Test
  void incompleteLowAqiIsNotPublishedUnder2026() {
    int code = run("--date", "2026-05-01", "--period", "hour", "PM2_5=20", "PM10=35");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("missing: SO2, NO2, CO, O3")
        .contains("AQI not published: a pollutant is missing and HJ 633-2026 publishes an incomplete AQI only above 100");
  }

  @Test
  void badValueExitsWith2AndNamesTheArgument() {
    assertThat(run("--date", "2026-05-01", "PM2_5=abc")).isEqualTo(2);
    assertThat(err.toString()).contains("bad argument 'PM2_5=abc': the value must be a number");
  }

  @Test
  void unknownPollutantExitsWith2() {
    assertThat(run("--date", "2026-05-01", "PM1=3")).isEqualTo(2);
    assertThat(err.toString()).contains("bad argument 'PM1=3': unknown pollutant 'PM1'");
  }

  @Test
  void hourlyO3_8hIsNotAnInput() {
    assertThat(run("--period", "hour", "O3_8H=3")).isEqualTo(2);
    assertThat(err.toString()).contains("bad argument 'O3_8H=3'");
  }

  @Test
  void badDateExitsWith2() {
    assertThat(run("--date", "2026-13-01", "PM2_5=3")).isEqualTo(2);
    assertThat(err.toString()).contains("--date");
  }

  @Test
  void negativeValueExitsWith2() {
    assertThat(run("--date", "2026-05-01", "PM2_5=-1")).isEqualTo(2);
    assertThat(err.toString()).contains("bad argument 'PM2_5=-1': the concentration must be >= 0");
  }
}
