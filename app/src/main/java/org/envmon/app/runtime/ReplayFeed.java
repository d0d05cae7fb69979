package org.envmon.app.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.envmon.ingest.core.IngestCounters;
import org.envmon.ingest.core.KafkaReadingPublisher;
import org.envmon.ingest.registry.StationRegistry;
import org.envmon.ingest.replay.Pacing;
import org.envmon.ingest.replay.ReplayOptions;
import org.envmon.ingest.replay.ReplayResult;
import org.envmon.ingest.replay.Replayer;

/** Replays CSV files (UCI Beijing layout or envmon's generic layout) with a progress bar. */
public final class ReplayFeed implements Feed {
  private final Path data;
  private final LocalDate from;
  private final LocalDate to;
  private final Pacing pacing;
  private final StationRegistry stations;

  public ReplayFeed(Path data, LocalDate from, LocalDate to, Pacing pacing, StationRegistry stations) {
    this.data = data;
    this.from = from;
    this.to = to;
    this.pacing = pacing;
    this.stations = stations;
  }

  @Override
  public String describe() {
    return "replay of " + data + (from == null ? "" : " from " + from) + (to == null ? "" : " to " + to)
        + " (" + pacing + ")";
  }

  @Override
  public FeedResult run(Properties kafkaClientProperties, PrintStream out) {
    List<Path> files = Replayer.expand(List.of(data));
    if (files.isEmpty()) {
      throw new IllegalArgumentException(data + " holds no *.csv or *.csv.gz files to replay");
    }
    ReplayOptions options = ReplayOptions.defaults().withDates(from, to).withPacing(pacing);
    try (KafkaReadingPublisher publisher = new KafkaReadingPublisher(kafkaClientProperties);
         ProgressBar bar = new ProgressBarBuilder().setTaskName("replay").setUnit(" MB", 1 << 20)
             .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleBar(out)).setInitialMax(1).build()) {
      ReplayResult result = new Replayer(stations, publisher, IngestCounters.inMemory(), options)
          .replay(files, p -> {
            bar.maxHint(Math.max(1, p.totalBytes()));
            bar.stepTo(p.bytesRead());
            bar.setExtraMessage(String.format(" %,d sent %s", p.readingsSent(),
                p.eventTime() == null ? "" : p.eventTime().toString().substring(0, 10)));
          });
      bar.stepTo(bar.getMax());
      return new FeedResult(result.readingsSent(), result.missingValues(), result.rejectedTotal());
    }
  }
}
