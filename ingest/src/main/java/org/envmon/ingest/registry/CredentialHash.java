package org.envmon.ingest.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The credential hash format of the station file: {@code sha256:<64 lowercase hex>} of the UTF-8
 * secret (an HJ 212 PW or an HTTP bearer token), so the file never holds a secret. Create one
 * with {@code printf %s 'secret' | sha256sum}.
 */
public final class CredentialHash {
  public static final String PREFIX = "sha256:";
  private static final Pattern WELL_FORMED = Pattern.compile("sha256:[0-9a-f]{64}");

  private CredentialHash() {}

  /** The hash of a secret, in the file's format. */
  public static String of(String secret) {
    return PREFIX + HexFormat.of().formatHex(digest(secret));
  }

  public static boolean isWellFormed(String hash) {
    return hash != null && WELL_FORMED.matcher(hash).matches();
  }

  /**
   * Whether the secret matches the stored hash, in time independent of where they differ. A null
   * or malformed hash matches nothing.
   */
  public static boolean matches(String hash, String secret) {
    if (secret == null) {
      return false;
    }
    return storedDigest(hash).map(expected -> MessageDigest.isEqual(expected, digest(secret))).orElse(false);
  }

  /** The SHA-256 digest a stored hash holds; empty for a null or malformed hash. */
  public static Optional<byte[]> storedDigest(String hash) {
    if (hash == null) {
      return Optional.empty();
    }
    String normalized = hash.strip().toLowerCase(Locale.ROOT);
    if (!isWellFormed(normalized)) {
      return Optional.empty();
    }
    return Optional.of(HexFormat.of().parseHex(normalized.substring(PREFIX.length())));
  }

  /** The SHA-256 digest of a secret's UTF-8 bytes, as a stored hash holds it. */
  public static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
