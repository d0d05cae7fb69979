package org.envmon.ingest.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.envmon.schemas.Medium;
import org.envmon.schemas.Reading;
import org.envmon.standards.Parameter;

/**
 * The checks every ingest path applies before a reading may enter {@code envmon.readings}:
 * known station, known parameter of the station's medium, a time that is not in the future, a
 * finite number. Plausibility (ranges, spikes, stuck values) is QC's job in the streams stage:
 * those values are flagged there, not refused here.
 */
public final class ReadingValidator {
  private final StationDirectory stations;
  private final Clock clock;
  private final Duration maxFuture;

  public ReadingValidator(StationDirectory stations, Clock clock, Duration maxFuture) {
    this.stations = stations;
    this.clock = clock;
    this.maxFuture = maxFuture;
  }

  /** One candidate reading as a protocol parsed it; text fields are as received. */
  public record Candidate(String stationId, String parameter, Instant observedAt, String value,
                          String unit, String flag, int periodSeconds, Integer sampleMinutes,
                          String source) {}

  /** The outcome: exactly one of reading or (reason, message) is set. */
  public record Result(Reading reading, RejectReason reason, String message) {
    public static Result accepted(Reading reading) {
      return new Result(reading, null, null);
    }

    public static Result rejected(RejectReason reason, String message) {
      return new Result(null, reason, message);
    }

    public boolean isAccepted() {
      return reading != null;
    }
  }

  public Result validate(Candidate c) {
    Optional<StationEntry> entry = stations.byId(c.stationId());
    if (entry.isEmpty()) {
      return Result.rejected(RejectReason.UNKNOWN_STATION,
          "station '" + c.stationId() + "' is not in the station registry");
    }
    Medium medium = entry.get().station().getMedium();
    Optional<Parameter> parameter = Parameter.fromCode(c.parameter());
    if (parameter.isEmpty()) {
      return Result.rejected(RejectReason.UNKNOWN_PARAMETER, "unknown parameter '" + c.parameter() + "'");
    }
    if (!parameter.get().medium().equals(medium.name())) {
      return Result.rejected(RejectReason.WRONG_MEDIUM, "parameter " + parameter.get().code() + " is "
          + parameter.get().medium() + " but station " + c.stationId() + " is " + medium);
    }
    if (c.observedAt() == null) {
      return Result.rejected(RejectReason.BAD_TIME, "missing or unparsable observation time");
    }
    Instant now = clock.instant();
    if (c.observedAt().isAfter(now.plus(maxFuture))) {
      return Result.rejected(RejectReason.FUTURE_TIME, "observation time " + c.observedAt()
          + " is more than " + maxFuture + " after now (" + now + ")");
    }
    double value;
    try {
      value = Double.parseDouble(c.value() == null ? "" : c.value().strip());
    } catch (NumberFormatException e) {
      return Result.rejected(RejectReason.NOT_A_NUMBER, "value '" + c.value() + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      return Result.rejected(RejectReason.NOT_A_NUMBER, "value '" + c.value() + "' is not finite");
    }
    String unit = c.unit() == null || c.unit().isBlank() ? parameter.get().unit() : c.unit().strip();
    Reading reading = Reading.newBuilder()
        .setStationId(c.stationId())
        .setParameter(parameter.get().code())
        .setMedium(medium)
        .setObservedAt(c.observedAt())
        .setPeriodSeconds(c.periodSeconds())
        .setValue(value)
        .setUnit(unit)
        .setFlag(c.flag())
        .setSource(c.source())
        .setReceivedAt(now)
        .setSampleMinutes(c.sampleMinutes())
        .build();
    return Result.accepted(reading);
  }
}
