package org.envmon.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class TopicsDocumentedTest {

  @Test
  void everyTopicIsInDocsTopics() throws Exception {
    String docs = Files.readString(repoRoot().resolve("docs/topics.md"));
    for (Topic<?, ?> topic : Topics.all()) {
      assertThat(docs).as("docs/topics.md lists %s", topic.name()).contains("`" + topic.name() + "`");
    }
  }

  @Test
  void everyAvroFieldIsDocumented() throws Exception {
    try (var files = Files.list(repoRoot().resolve("schemas/src/main/avro"))) {
      for (Path file : files.toList()) {
        Schema.Parser parser = new Schema.Parser();
        for (String shared : new String[] {"Medium.avsc", "AlertState.avsc"}) {
          if (!file.getFileName().toString().equals(shared)) {
            parser.parse(repoRoot().resolve("schemas/src/main/avro/" + shared).toFile());
          }
        }
        Schema schema = parser.parse(file.toFile());
        assertThat(schema.getDoc()).as("doc of %s", file).isNotBlank();
        if (schema.getType() == Schema.Type.RECORD) {
          for (Schema.Field f : schema.getFields()) {
            assertThat(f.doc()).as("doc of %s.%s", schema.getName(), f.name()).isNotBlank();
          }
        }
      }
    }
  }

  private static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    return p;
  }
}
