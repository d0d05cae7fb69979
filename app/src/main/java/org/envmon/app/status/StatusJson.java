package org.envmon.app.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import org.envmon.streams.status.StatusView;

/** The JSON form of the status views, shared by the public API and the instance-to-instance calls. */
final class StatusJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private StatusJson() {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** A JSON array of {@code view}'s records, as a peer sends it. */
  static <T> List<T> readList(byte[] json, StatusView<?, T> view) throws java.io.IOException {
    JavaType type = MAPPER.getTypeFactory().constructCollectionType(List.class, view.viewType());
    return MAPPER.readValue(json, type);
  }
}
