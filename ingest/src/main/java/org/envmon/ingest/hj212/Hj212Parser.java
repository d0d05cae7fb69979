package org.envmon.ingest.hj212;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses an HJ 212 data segment ({@code QN=..;ST=..;CN=..;PW=..;MN=..;Flag=..;CP=&&...&&}) of
 * any edition. Inside CP, real senders mix {@code ;} and {@code ,} as separators, so both split.
 */
public final class Hj212Parser {
  private static final String CP_START = "CP=&&";
  private static final String CP_END = "&&";

  private Hj212Parser() {}

  public static Hj212Packet parse(String segment) throws Hj212FormatException {
    int cpAt = segment.indexOf(CP_START);
    if (cpAt < 0) {
      throw new Hj212FormatException("no CP=&& data area in the segment");
    }
    if (!segment.endsWith(CP_END) || segment.length() < cpAt + CP_START.length() + CP_END.length()) {
      throw new Hj212FormatException("CP data area does not end with &&");
    }
    Map<String, String> header = headerFields(segment.substring(0, cpAt));
    String cn = require(header, "CN");
    String mn = require(header, "MN");
    Integer flag = optionalInt(header, "Flag");
    Hj212Packet.Cp cp = parseCp(segment.substring(cpAt + CP_START.length(), segment.length() - CP_END.length()));
    return new Hj212Packet(header.get("QN"), header.get("ST"), cn, header.get("PW"), mn, flag,
        Hj212Version.fromFlag(flag), optionalInt(header, "PNUM"), optionalInt(header, "PNO"),
        "1".equals(header.get("RF")), cp);
  }

  private static Map<String, String> headerFields(String header) throws Hj212FormatException {
    Map<String, String> fields = new HashMap<>();
    for (String token : header.split(";")) {
      if (token.isEmpty()) {
        continue;
      }
      int eq = token.indexOf('=');
      if (eq <= 0) {
        throw new Hj212FormatException("header field '" + token + "' is not NAME=value");
      }
      fields.put(token.substring(0, eq), token.substring(eq + 1));
    }
    return fields;
  }

  private static Hj212Packet.Cp parseCp(String body) throws Hj212FormatException {
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, Map<String, String>> byCode = new LinkedHashMap<>();
    for (String token : body.split("[;,]")) {
      if (token.isEmpty()) {
        continue;
      }
      int eq = token.indexOf('=');
      if (eq <= 0) {
        throw new Hj212FormatException("CP field '" + token + "' is not NAME=value");
      }
      String name = token.substring(0, eq);
      String value = token.substring(eq + 1);
      int dash = name.indexOf('-');
      if (dash > 0 && dash < name.length() - 1) {
        byCode.computeIfAbsent(name.substring(0, dash), c -> new LinkedHashMap<>())
            .put(name.substring(dash + 1), value);
      } else {
        fields.put(name, value);
      }
    }
    List<Hj212Packet.ParameterFields> parameters = new ArrayList<>();
    byCode.forEach((code, suffixes) -> parameters.add(new Hj212Packet.ParameterFields(code, suffixes)));
    return new Hj212Packet.Cp(fields, parameters);
  }

  private static String require(Map<String, String> header, String name) throws Hj212FormatException {
    String value = header.get(name);
    if (value == null || value.isEmpty()) {
      throw new Hj212FormatException("required field " + name + " is missing");
    }
    return value;
  }

  private static Integer optionalInt(Map<String, String> header, String name) throws Hj212FormatException {
    String value = header.get(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new Hj212FormatException(name + "='" + value + "' is not an integer");
    }
  }
}
