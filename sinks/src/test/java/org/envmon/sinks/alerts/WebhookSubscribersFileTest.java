package org.envmon.sinks.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.envmon.schemas.Medium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSubscribersFileTest {
  @TempDir
  Path dir;

  private Path write(String content) throws IOException {
    Path file = dir.resolve("webhooks.properties");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsSubscribersWithFiltersAndSecretsFromEnvironmentOrFile() throws IOException {
    Path secretFile = dir.resolve("bureau.secret");
    Files.writeString(secretFile, "file-secret\n");
    Path file = write("""
        webhook.ops.url=https://ops.example.org/hook
        webhook.ops.secret.env=OPS_SECRET
        webhook.bureau.url=http://127.0.0.1:9000/alerts
        webhook.bureau.secret.file=%s
        webhook.bureau.district=东城,西城
        webhook.bureau.medium=air
        webhook.bureau.severity=major,critical
        webhook.bureau.rule.prefix=GB3095-2012.PM2_5
        """.formatted(secretFile.toString().replace("\\", "\\\\")));

    List<WebhookSubscriber> subscribers = WebhookSubscribersFile.load(file, Map.of("OPS_SECRET", " env-secret ")::get);

    assertThat(subscribers).extracting(WebhookSubscriber::name).containsExactly("bureau", "ops");
    WebhookSubscriber bureau = subscribers.get(0);
    assertThat(bureau.url()).isEqualTo(URI.create("http://127.0.0.1:9000/alerts"));
    assertThat(bureau.secret().reveal()).isEqualTo("file-secret");
    assertThat(bureau.filter()).isEqualTo(new AlertFilter(Set.of("东城", "西城"), Set.of(Medium.AIR),
        Set.of("major", "critical"), List.of("GB3095-2012.PM2_5")));
    WebhookSubscriber ops = subscribers.get(1);
    assertThat(ops.secret().reveal()).isEqualTo("env-secret");
    assertThat(ops.filter()).isEqualTo(AlertFilter.ANY);
    assertThat(ops.deadLetterSource()).isEqualTo("webhook:ops");
  }

  @Test
  void unknownKeyIsAnError() throws IOException {
    Path file = write("webhook.ops.url=https://x.example\nwebhook.ops.secret.env=S\nwebhook.ops.districts=东城\n");
    assertThatThrownBy(() -> WebhookSubscribersFile.load(file, Map.of("S", "s")::get))
        .hasMessageContaining("unknown key 'webhook.ops.districts'");
  }

  @Test
  void unsetSecretVariableNamesTheVariable() throws IOException {
    Path file = write("webhook.ops.url=https://x.example\nwebhook.ops.secret.env=OPS_SECRET\n");
    assertThatThrownBy(() -> WebhookSubscribersFile.load(file, Map.<String, String>of()::get))
        .hasMessageContaining("webhook subscriber 'ops'")
        .hasMessageContaining("environment variable OPS_SECRET (webhook.ops.secret.env) is not set");
  }

  @Test
  void missingSecretAndBadUrlAreExplained() throws IOException {
    Path noSecret = write("webhook.ops.url=https://x.example\n");
    assertThatThrownBy(() -> WebhookSubscribersFile.load(noSecret, Map.<String, String>of()::get))
        .hasMessageContaining("no secret: set webhook.ops.secret.env");
    Path ftp = write("webhook.ops.url=ftp://x.example\nwebhook.ops.secret.env=S\n");
    assertThatThrownBy(() -> WebhookSubscribersFile.load(ftp, Map.of("S", "s")::get))
        .hasMessageContaining("must be an absolute http:// or https:// URL");
    Path noUrl = write("webhook.ops.secret.env=S\n");
    assertThatThrownBy(() -> WebhookSubscribersFile.load(noUrl, Map.of("S", "s")::get))
        .hasMessageContaining("webhook.ops.url is missing");
  }
}
