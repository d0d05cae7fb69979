package org.envmon.ingest.hj212;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.envmon.ingest.core.ReadingValidator.Candidate;
import org.envmon.ingest.core.RejectReason;
import org.envmon.ingest.core.StationEntry;

/**
 * Turns the CP area of a data upload (2011/2051/2061/2031) into candidate readings through the
 * station's code table. Codes the table ignores are skipped; codes it does not know, and
 * parameters without a value of the command's statistic, become rejections so the DLQ keeps them.
 */
public final class Hj212ReadingExtractor {
  /** Source name on readings and dead letters. */
  public static final String SOURCE = "hj212";

  private final Hj212Mapping mapping;

  public Hj212ReadingExtractor(Hj212Mapping mapping) {
    this.mapping = mapping;
  }

  /**
   * One parameter group that could not become a candidate.
   *
   * @param code    the HJ 212 code
   * @param reason  why
   * @param message what was wrong, for the DLQ
   */
  public record Rejection(String code, RejectReason reason, String message) {}

  /**
   * What one packet yields.
   *
   * @param dataTime   the DataTime text as sent (part of the duplicate key)
   * @param candidates readings to validate, with their HJ 212 code
   * @param rejections groups refused before validation
   */
  public record Extraction(String dataTime, List<CodedCandidate> candidates, List<Rejection> rejections) {
    public Extraction {
      candidates = List.copyOf(candidates);
      rejections = List.copyOf(rejections);
    }
  }

  /** A candidate together with the HJ 212 code it came from. */
  public record CodedCandidate(String code, Candidate candidate) {}

  public Extraction extract(Hj212Packet packet, Hj212DataCommand command, StationEntry station)
      throws Hj212FormatException {
    String dataTime = packet.cp().field("DataTime").orElseThrow(() ->
        new Hj212FormatException("CN=" + packet.cn() + " upload has no DataTime in CP"));
    Instant observedAt = Hj212Time.parse(dataTime, mapping.zone(station.id()));
    Hj212CodeTable codes = mapping.codes(station.id());
    int period = command.periodSeconds(station.station().getCadenceSeconds());
    List<CodedCandidate> candidates = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    for (Hj212Packet.ParameterFields group : packet.cp().parameters()) {
      String code = group.code();
      if (codes.ignores(code)) {
        continue;
      }
      Optional<Hj212CodeTable.Target> target = codes.target(code);
      if (target.isEmpty()) {
        rejections.add(new Rejection(code, RejectReason.UNKNOWN_PARAMETER, "HJ 212 code '" + code
            + "' is not in the code table of station " + station.id()
            + "; map it (or mark it ignore) in the HJ 212 mapping file"));
        continue;
      }
      Optional<String> value = group.get(command.valueSuffix()).or(() -> group.get(Hj212DataCommand.NOISE_SUFFIX));
      if (value.isEmpty()) {
        if (group.suffixes().keySet().stream().anyMatch(s -> !s.equals("Flag"))) {
          // Min/Max/Cou without the command's statistic: nothing envmon stores, nothing lost.
          continue;
        }
        rejections.add(new Rejection(code, RejectReason.MALFORMED, "HJ 212 code '" + code + "' in CN="
            + packet.cn() + " has no -" + command.valueSuffix() + " value"));
        continue;
      }
      candidates.add(new CodedCandidate(code, new Candidate(station.id(), target.get().parameter().code(),
          observedAt, value.get(), target.get().unit(), group.get("Flag").orElse(null), period, null, SOURCE)));
    }
    return new Extraction(dataTime, candidates, rejections);
  }
}
