package org.envmon.ingest.hj212;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed HJ 212 data segment. Text fields are as received; optional ones are null when absent
 * (QN and Flag are often missing in 2005 packets).
 *
 * @param qn      request id, or null
 * @param st      system code, e.g. "22" ambient air
 * @param cn      command number, e.g. "2011"
 * @param pw      access password (never log it)
 * @param mn      device id
 * @param flag    Flag value, or null
 * @param version edition derived from Flag
 * @param pnum    total pieces of a split packet, or null
 * @param pno     piece number from 1, or null
 * @param backFill RF=1 (2025): the data is a back-fill
 * @param cp      the data area
 */
public record Hj212Packet(String qn, String st, String cn, String pw, String mn, Integer flag,
                          Hj212Version version, Integer pnum, Integer pno, boolean backFill, Cp cp) {
  public Hj212Packet {
    Objects.requireNonNull(cn, "cn");
    Objects.requireNonNull(mn, "mn");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(cp, "cp");
  }

  /** Flag bit 0: the logger asks for an answer. */
  public boolean answerRequested() {
    return flag != null && (flag & 1) != 0;
  }

  /**
   * The CP data area.
   *
   * @param fields     fields without a code prefix, e.g. DataTime, RtdInterval, QnRtn
   * @param parameters per parameter code (in order of appearance), its suffixed fields, e.g.
   *                   a34004 -> {Rtd=35, Flag=N}
   */
  public record Cp(Map<String, String> fields, List<ParameterFields> parameters) {
    public Cp {
      fields = Map.copyOf(fields);
      parameters = List.copyOf(parameters);
    }

    public Optional<String> field(String name) {
      return Optional.ofNullable(fields.get(name));
    }
  }

  /**
   * The sub-fields sent for one parameter code.
   *
   * @param code     the parameter code as sent, e.g. a34004 or 011
   * @param suffixes suffix (Rtd, Avg, Min, Max, Cou, Flag, ...) to value
   */
  public record ParameterFields(String code, Map<String, String> suffixes) {
    public ParameterFields {
      suffixes = Map.copyOf(suffixes);
    }

    public Optional<String> get(String suffix) {
      return Optional.ofNullable(suffixes.get(suffix));
    }
  }
}
