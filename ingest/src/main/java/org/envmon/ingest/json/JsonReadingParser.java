package org.envmon.ingest.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.envmon.ingest.core.RejectReason;

/**
 * Reads the JSON reading format: one object or an array of objects, each
 * {@code {"station","parameter","time","value","unit","flag","periodSeconds","sampleMinutes"}}.
 * {@code time} is ISO-8601 with an offset or epoch milliseconds; {@code value} a number (a numeric
 * string is accepted); {@code unit}, {@code flag}, {@code periodSeconds} (default 3600) and
 * {@code sampleMinutes} are optional. Unknown fields are ignored so producers may add their own.
 * Thread-safe.
 */
public final class JsonReadingParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String source;

  /** @param source the ingest path the readings come through (http, mqtt, kafka-json) */
  public JsonReadingParser(String source) {
    this.source = source;
  }

  /**
   * One parsed record per object, in order; a non-object element becomes an unreadable record.
   *
   * @throws UnreadableInputException when the text is not JSON, not an object or array, or an empty array
   */
  public List<ParsedRecord> parse(String text) throws UnreadableInputException {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw new UnreadableInputException("body is not valid JSON: " + e.getOriginalMessage()
          + " (expected a reading object or an array of them)");
    }
    if (root == null || root.isMissingNode()) {
      throw new UnreadableInputException("body is empty; expected a reading object or an array of them");
    }
    if (root.isObject()) {
      return List.of(record(0, root));
    }
    if (!root.isArray()) {
      throw new UnreadableInputException("body is a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT)
          + "; expected a reading object or an array of them");
    }
    if (root.isEmpty()) {
      throw new UnreadableInputException("the array holds no readings");
    }
    List<ParsedRecord> records = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      records.add(record(i, root.get(i)));
    }
    return records;
  }

  private ParsedRecord record(int index, JsonNode node) {
    String raw = node.toString();
    if (!node.isObject()) {
      return ParsedRecord.unreadable(index, null, RejectReason.MALFORMED,
          "record " + index + " is not a JSON object", raw);
    }
    ReadingFields fields = new ReadingFields(text(node, "station"), text(node, "parameter"),
        text(node, "time"), text(node, "value"), text(node, "unit"), text(node, "flag"),
        text(node, "periodSeconds"), text(node, "sampleMinutes"));
    return fields.toParsed(index, source, raw);
  }

  /** The field as text (numbers in their JSON spelling), or null when absent or JSON null. */
  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }
}
