package org.envmon.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialHashTest {
  @Test
  void hashesAsSha256sumDoes() {
    // printf %s 123456 | sha256sum
    assertThat(CredentialHash.of("123456"))
        .isEqualTo("sha256:8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92");
  }

  @Test
  void matchesOnlyTheRightSecret() {
    String hash = CredentialHash.of("s3cret");
    assertThat(CredentialHash.matches(hash, "s3cret")).isTrue();
    assertThat(CredentialHash.matches(hash.toUpperCase(java.util.Locale.ROOT).replace("SHA256:", "sha256:"),
        "s3cret")).isTrue();
    assertThat(CredentialHash.matches(hash, "s3cret ")).isFalse();
    assertThat(CredentialHash.matches(null, "s3cret")).isFalse();
    assertThat(CredentialHash.matches("s3cret", "s3cret")).isFalse();
    assertThat(CredentialHash.matches(hash, null)).isFalse();
  }

  @Test
  void theStoredDigestIsTheSecretsDigest() {
    String hash = CredentialHash.of("s3cret");
    assertThat(CredentialHash.storedDigest(hash)).hasValueSatisfying(
        d -> assertThat(d).isEqualTo(CredentialHash.digest("s3cret")));
    assertThat(CredentialHash.digest("s3cret")).hasSize(32);
    assertThat(CredentialHash.storedDigest(null)).isEmpty();
    assertThat(CredentialHash.storedDigest("sha256:1234")).isEmpty();
  }
}
