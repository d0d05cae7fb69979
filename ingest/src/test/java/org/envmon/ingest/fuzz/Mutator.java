package org.envmon.ingest.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded input mutation for the fuzz tests: bit flips, truncation, splicing, duplication,
 * deletion, random bytes, huge declared lengths and long runs. The same seed always gives the
 * same inputs, so a failure names the seed and iteration that reproduce it.
 */
final class Mutator {
  private static final byte[] INTERESTING = "#;,=&-\r\n\"'{}[]:\\0 \u0000\u00ff9".getBytes(StandardCharsets.ISO_8859_1);
  private static final String[] TOKENS = {"##", "&&", "CP=&&", ";", ",", "=", "\r\n", "PW=", "MN=", "CN=2011",
      "Flag=", "DataTime=", "-Rtd=", "NaN", "-1e309", "9999999999999999999999", "\u4e1c\u57ce", "\uffff", "\"", "{",
      "}", "[", "]", "null", "true", "\\u0000", "\\", ",,,,", "\n\n"};

  private final SplittableRandom random;

  Mutator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** Random bytes, mostly short, sometimes long. */
  byte[] randomBytes(int maxLength) {
    byte[] b = new byte[random.nextInt(maxLength + 1)];
    for (int i = 0; i < b.length; i++) {
      b[i] = chance(0.3) ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt(256);
    }
    return b;
  }

  /** One to three mutations of {@code seed}, using {@code others} as splice material. */
  byte[] mutate(byte[] seed, List<byte[]> others) {
    byte[] out = seed;
    int rounds = 1 + random.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      out = mutateOnce(out, others);
    }
    return out;
  }

  private byte[] mutateOnce(byte[] in, List<byte[]> others) {
    int len = in.length;
    switch (random.nextInt(11)) {
      case 0 -> { // bit flips
        byte[] out = in.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && len > 0; i++) {
          out[random.nextInt(len)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
      }
      case 1 -> { // truncation
        return Arrays.copyOf(in, len == 0 ? 0 : random.nextInt(len));
      }
      case 2 -> { // splice the head of this with the tail of another
        byte[] other = others.get(random.nextInt(others.size()));
        int cut = len == 0 ? 0 : random.nextInt(len);
        int from = other.length == 0 ? 0 : random.nextInt(other.length);
        return concat(Arrays.copyOf(in, cut), Arrays.copyOfRange(other, from, other.length));
      }
      case 3 -> { // insert random bytes
        int at = random.nextInt(len + 1);
        return concat(Arrays.copyOf(in, at), randomBytes(16), Arrays.copyOfRange(in, at, len));
      }
      case 4 -> { // delete a range
        if (len == 0) {
          return in;
        }
        int from = random.nextInt(len);
        int to = Math.min(len, from + 1 + random.nextInt(32));
        return concat(Arrays.copyOf(in, from), Arrays.copyOfRange(in, to, len));
      }
      case 5 -> { // duplicate a range
        if (len == 0) {
          return in;
        }
        int from = random.nextInt(len);
        int to = Math.min(len, from + 1 + random.nextInt(64));
        return concat(Arrays.copyOf(in, to), Arrays.copyOfRange(in, from, len));
      }
      case 6 -> { // a syntax token somewhere
        byte[] token = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
        int at = random.nextInt(len + 1);
        return concat(Arrays.copyOf(in, at), token, Arrays.copyOfRange(in, at, len));
      }
      case 7 -> { // a long run of one byte (long strings, long numbers)
        byte[] run = new byte[1 + random.nextInt(random.nextInt(4) == 0 ? 20_000 : 300)];
        Arrays.fill(run, INTERESTING[random.nextInt(INTERESTING.length)]);
        if (chance(0.5)) {
          Arrays.fill(run, (byte) ('0' + random.nextInt(10)));
        }
        int at = random.nextInt(len + 1);
        return concat(Arrays.copyOf(in, at), run, Arrays.copyOfRange(in, at, len));
      }
      case 8 -> { // overwrite digits with other digits (lengths, numbers, times)
        byte[] out = in.clone();
        for (int i = 0; i < len; i++) {
          if (out[i] >= '0' && out[i] <= '9' && chance(0.2)) {
            out[i] = (byte) ('0' + random.nextInt(10));
          }
        }
        return out;
      }
      case 9 -> { // replace a byte with an interesting one
        if (len == 0) {
          return in;
        }
        byte[] out = in.clone();
        out[random.nextInt(len)] = INTERESTING[random.nextInt(INTERESTING.length)];
        return out;
      }
      default -> { // swap in random bytes entirely
        return randomBytes(256);
      }
    }
  }

  static byte[] concat(byte[]... parts) {
    int total = 0;
    for (byte[] p : parts) {
      total += p.length;
    }
    byte[] out = new byte[total];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
