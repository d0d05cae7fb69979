package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.envmon.ingest.core.RejectReason;
import org.envmon.ingest.hj212.Hj212Authenticator;
import org.envmon.ingest.http.StationTokenAuthenticator;
import org.envmon.ingest.registry.CredentialHash;
import org.envmon.ingest.registry.StationRegistry;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.envmon.testkit.RepositoryFiles;

/**
 * Station credentials (HJ 212 PW, HTTP bearer tokens): stored only as {@code sha256:<hex>},
 * compared in constant time, right secrets admitted and wrong ones refused, and the shipped
 * registry holds no plain secret.
 */
class StationCredentialsTest {
  private static final String STATIONS = "config/stations.yaml";
  /** The demo secrets documented in the header of config/stations.yaml. */
  private static final String DEMO_PW = "123456";
  private static final String DONGSI_MN = "110101A0001";

  private final StationRegistry shipped = StationRegistry.load(RepositoryFiles.root().resolve(STATIONS));

  @Test
  void hashesAreComparedInConstantTime() {
    String source = RepositoryFiles.read("ingest/src/main/java/org/envmon/ingest/registry/CredentialHash.java");
    // A short-circuiting comparison (String.equals, Arrays.equals) would leak how much of a guess matched.
    assertThat(source).contains("MessageDigest.isEqual(").doesNotContain("Arrays.equals(");
    assertThat(RepositoryFiles.read("ingest/src/main/java/org/envmon/ingest/hj212/Hj212Authenticator.java"))
        .contains("CredentialHash.matches(");
    // the HTTP path hashes the token once and compares its digest with each station's
    assertThat(RepositoryFiles.read("ingest/src/main/java/org/envmon/ingest/http/StationTokenAuthenticator.java"))
        .contains("CredentialHash.digest(").contains("MessageDigest.isEqual(").doesNotContain("Arrays.equals(");
  }

  @Test
  void onlyTheExactSecretMatchesItsHash() {
    String hash = CredentialHash.of("s3cret-pw");

    assertThat(hash).matches("sha256:[0-9a-f]{64}").doesNotContain("s3cret");
    assertThat(CredentialHash.matches(hash, "s3cret-pw")).isTrue();
    assertThat(CredentialHash.matches(hash.toUpperCase(Locale.ROOT).replace("SHA256:", "sha256:"), "s3cret-pw"))
        .as("hex case does not matter").isTrue();
    for (String wrong : List.of("s3cret-p", "s3cret-pw ", "S3cret-pw", "", "s3cret-pw\u0000", hash)) {
      assertThat(CredentialHash.matches(hash, wrong)).as("'%s'", wrong).isFalse();
    }
    assertThat(CredentialHash.matches(hash, null)).isFalse();
    assertThat(CredentialHash.matches(null, "s3cret-pw")).isFalse();
    assertThat(CredentialHash.matches("s3cret-pw", "s3cret-pw")).as("a plain secret is not a hash").isFalse();
    assertThat(CredentialHash.matches("sha256:abc", "s3cret-pw")).isFalse();
  }

  @Test
  void hj212PasswordsAreCheckedAgainstTheShippedHashes() {
    Hj212Authenticator auth = new Hj212Authenticator(shipped);

    assertThat(auth.authenticate(DONGSI_MN, DEMO_PW).admitted()).isTrue();
    for (String wrong : new String[] {"123457", "12345", "1234567", "", null}) {
      Hj212Authenticator.Outcome outcome = auth.authenticate(DONGSI_MN, wrong);
      assertThat(outcome.admitted()).as("PW '%s'", wrong).isFalse();
      assertThat(outcome.reason()).isEqualTo(RejectReason.AUTH_FAILED);
      assertThat(outcome.message()).doesNotContain(DEMO_PW);
    }
    assertThat(auth.authenticate("000000X0000", DEMO_PW).reason()).isEqualTo(RejectReason.UNKNOWN_STATION);
  }

  @Test
  void httpTokensAreCheckedAgainstTheShippedHashes() {
    StationTokenAuthenticator auth = new StationTokenAuthenticator(shipped);

    assertThat(auth.authenticate("Bearer demo-Dongsi")).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("Dongsi"));
    assertThat(auth.authenticate("bearer demo-Tiantan")).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("Tiantan"));
    for (String wrong : new String[] {"Bearer demo-dongsi", "Bearer demo-Dongs", "Bearer demo-Dongsi2", "Basic demo-Dongsi",
        "demo-Dongsi", "Bearer ", "Bearer " + CredentialHash.of("demo-Dongsi"), null}) {
      assertThat(auth.authenticate(wrong)).as("header '%s'", wrong).isEmpty();
    }
  }

  @Test
  void theShippedRegistryHoldsNoPlainSecret() {
    Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(RepositoryFiles.read(STATIONS));
    List<String> credentialFields = new ArrayList<>();
    walk(yaml, "", credentialFields);

    assertThat(credentialFields).as("credential fields found").isNotEmpty();
    assertThat(shipped.all()).allSatisfy(s -> {
      if (s.hj212PasswordHash() != null) {
        assertThat(CredentialHash.isWellFormed(s.hj212PasswordHash())).as(s.id()).isTrue();
      }
      if (s.httpTokenHash() != null) {
        assertThat(CredentialHash.isWellFormed(s.httpTokenHash())).as(s.id()).isTrue();
      }
    });
  }

  /** Every key naming a credential must be a *Hash holding sha256:<64 hex>; no value may be a demo secret. */
  private static void walk(Object node, String path, List<String> credentialFields) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        String key = String.valueOf(k);
        String here = path + "/" + key;
        if (key.toLowerCase(Locale.ROOT).matches(".*(password|token|secret|pw|credential).*")) {
          credentialFields.add(here);
          assertThat(key).as(here).endsWith("Hash");
          assertThat(CredentialHash.isWellFormed(String.valueOf(v))).as("%s = %s", here, v).isTrue();
        }
        walk(v, here, credentialFields);
      });
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]", credentialFields);
      }
    } else if (node instanceof String s) {
      assertThat(s).as(path).isNotEqualTo(DEMO_PW).doesNotStartWith("demo-");
    }
  }
}
