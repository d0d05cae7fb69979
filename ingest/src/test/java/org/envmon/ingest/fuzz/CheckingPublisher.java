package org.envmon.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.envmon.ingest.core.ReadingPublisher;
import org.envmon.schemas.DeadLetter;
import org.envmon.schemas.Reading;

/**
 * A publisher for the fuzzers that checks each record as it comes instead of keeping hundreds of
 * thousands: every dead letter has a reason code and a reason, and its payload no PW value.
 * Acknowledges at once. Single-threaded use.
 */
final class CheckingPublisher implements ReadingPublisher {
  private final Pattern unmaskedPassword;
  long readings;
  long deadLetters;

  /** @param password the PW the fuzzed packets carry; it must never be stored in the DLQ as a PW field */
  CheckingPublisher(String password) {
    this.unmaskedPassword = Pattern.compile("(^|;|##\\d{4})PW=" + Pattern.quote(password));
  }

  @Override
  public CompletableFuture<Void> publish(List<Reading> batch) {
    readings += batch.size();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> deadLetter(DeadLetter d) {
    deadLetters++;
    assertThat(d.getReasonCode()).isNotBlank();
    assertThat(d.getReason()).isNotBlank();
    String payload = d.getPayload();
    String text = payload.startsWith("hex:")
        ? new String(HexFormat.of().parseHex(payload.substring(4)), StandardCharsets.ISO_8859_1) : payload;
    assertThat(unmaskedPassword.matcher(text).find()).as("PW left in DLQ payload %s", payload).isFalse();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void close() {
    // nothing held
  }
}
