package org.envmon.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.testsupport.Fixtures;
import org.envmon.ingest.testsupport.RecordingPublisher;
import org.envmon.schemas.Reading;
import org.junit.jupiter.api.Test;
import org.envmon.testkit.RepositoryFiles;

/** The real UCI files, read where they lie (../shared/data/beijing-multisite); skipped without them. */
class BeijingMultisiteReplayTest {
  @Test
  void firstDayOfTheDataSet() {
    Optional<Path> data = RepositoryFiles.beijingMultisite();
    assumeTrue(data.isPresent(), "skipped: ../shared/data/beijing-multisite (next to the repository) is absent");
    RecordingPublisher publisher = new RecordingPublisher();
    Replayer replayer = new Replayer(Fixtures.shippedStations(), publisher, IngestCounters.inMemory(),
        ReplayOptions.defaults().withDates(LocalDate.of(2013, 3, 1), LocalDate.of(2013, 3, 1)),
        Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC), d -> { });

    ReplayResult result = replayer.replay(List.of(data.get()), null);

    // Oracle, from the files with awk: 12 stations x 24 hours x 6 pollutants = 1728 values on
    // 2013-03-01, of which 64 are NA; 12 x 35064 lines in all.
    assertThat(result.files()).isEqualTo(12);
    assertThat(result.linesRead()).isEqualTo(12 * 35_064);
    assertThat(result.outOfRangeLines()).isEqualTo(12 * 35_064 - 288);
    assertThat(result.readingsSent()).isEqualTo(1664);
    assertThat(result.missingValues()).isEqualTo(64);
    assertThat(result.rejectedTotal()).isZero();
    assertThat(publisher.readings).extracting(Reading::getObservedAt).isSorted();
    assertThat(publisher.readings).extracting(Reading::getStationId).containsOnly("Aotizhongxin", "Changping",
        "Dingling", "Dongsi", "Guanyuan", "Gucheng", "Huairou", "Nongzhanguan", "Shunyi", "Tiantan", "Wanliu",
        "Wanshouxigong");
    // Dongsi 2013-03-01 00:00 has CO 300 ug/m3 in the file.
    assertThat(publisher.readings).filteredOn(r -> r.getStationId().equals("Dongsi") && r.getParameter().equals("CO"))
        .first().satisfies(r -> {
          assertThat(r.getObservedAt()).isEqualTo(Instant.parse("2013-02-28T16:00:00Z"));
          assertThat(r.getValue()).isEqualTo(0.3);
          assertThat(r.getUnit()).isEqualTo("mg/m3");
        });
  }
}
