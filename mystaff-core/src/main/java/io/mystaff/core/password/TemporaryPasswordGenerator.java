package io.mystaff.core.password;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.PasswordPolicy;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * Generates the temporary password a manager hands to a cloud-only user after a reset.
 *
 * <p>A generated password has {@link #length()} characters drawn uniformly from {@link #ALPHABET}
 * and contains at least one uppercase letter, one lowercase letter, one digit and one symbol, in
 * random positions. The alphabet leaves out characters that are easy to misread when the password
 * is read aloud or copied from a screen ({@code 0 O o 1 l I}), the space, quotes and the symbols
 * that are dead keys on common keyboard layouts ({@code ^ ~ `}).
 *
 * <p>{@link #generate} returns only a password that the given policy accepts. Random passwords of
 * this shape meet Entra's and Active Directory's rules almost always; a rare rejection (say, the
 * user's three-letter name appearing by chance) leads to a fresh attempt, up to {@value
 * #MAX_ATTEMPTS} attempts.
 *
 * <p>Thread-safe when its {@link SecureRandom} is, which every JDK implementation is.
 */
public final class TemporaryPasswordGenerator {
  /** The default and the minimum length of a generated password. */
  public static final int MIN_LENGTH = 16;

  /** The uppercase letters used: A–Z without I and O. */
  public static final String UPPERCASE = "ABCDEFGHJKLMNPQRSTUVWXYZ";

  /** The lowercase letters used: a–z without l and o. */
  public static final String LOWERCASE = "abcdefghijkmnpqrstuvwxyz";

  /** The digits used: 2–9. */
  public static final String DIGITS = "23456789";

  /** The symbols used. */
  public static final String SYMBOLS = "!#$%&*+-=?@_";

  /** Every character a generated password may contain. */
  public static final String ALPHABET = UPPERCASE + LOWERCASE + DIGITS + SYMBOLS;

  /** How many candidates {@link #generate} tries before it gives up. */
  public static final int MAX_ATTEMPTS = 32;

  private static final List<char[]> CLASSES =
      List.of(
          UPPERCASE.toCharArray(),
          LOWERCASE.toCharArray(),
          DIGITS.toCharArray(),
          SYMBOLS.toCharArray());
  private static final char[] ALL = ALPHABET.toCharArray();

  private final SecureRandom random;
  private final int length;

  /** A generator of {@value #MIN_LENGTH}-character passwords. */
  public TemporaryPasswordGenerator(SecureRandom random) {
    this(random, MIN_LENGTH);
  }

  /**
   * A generator of {@code length}-character passwords.
   *
   * @throws InvalidInputException if {@code length} is below {@value #MIN_LENGTH} or above {@link
   *     Secret#MAX_LENGTH}
   */
  public TemporaryPasswordGenerator(SecureRandom random, int length) {
    this.random = requireNonNull(random, "random");
    if (length < MIN_LENGTH || length > Secret.MAX_LENGTH) {
      throw InvalidInputException.of(
          "length", "must be between " + MIN_LENGTH + " and " + Secret.MAX_LENGTH);
    }
    this.length = length;
  }

  /** The length of every password this generator makes. */
  public int length() {
    return length;
  }

  /**
   * A fresh password that {@code policy} accepts for the user described by {@code context}. The
   * caller owns the returned secret and should {@linkplain Secret#destroy() destroy} it once it has
   * been shown; candidates the policy rejected are destroyed here.
   *
   * @throws IllegalStateException if {@code policy} rejected {@value #MAX_ATTEMPTS} candidates in a
   *     row, which means its rules cannot be met by passwords of this shape; the message names the
   *     policy and the violation keys of the last rejection, never a candidate
   */
  public Secret generate(PasswordPolicy policy, PasswordContext context) {
    requireNonNull(policy, "policy");
    requireNonNull(context, "context");
    List<PolicyViolation> lastViolations = List.of();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Secret candidate = candidate();
      PasswordCheck check;
      try {
        check = policy.check(candidate, context);
      } catch (RuntimeException e) {
        candidate.destroy();
        throw e;
      }
      if (check.isAccepted()) {
        return candidate;
      }
      candidate.destroy();
      lastViolations = check.violations();
    }
    throw new IllegalStateException(
        "Policy '"
            + policy.name()
            + "' rejected "
            + MAX_ATTEMPTS
            + " generated passwords of "
            + length
            + " characters in a row (last rejection: "
            + lastViolations.stream().map(PolicyViolation::key).toList()
            + "); its rules cannot be met by random passwords of this length and alphabet");
  }

  private Secret candidate() {
    char[] chars = new char[length];
    Draws draws = new Draws(random, 2 * length);
    try {
      for (int i = 0; i < CLASSES.size(); i++) {
        chars[i] = pick(CLASSES.get(i), draws);
      }
      for (int i = CLASSES.size(); i < length; i++) {
        chars[i] = pick(ALL, draws);
      }
      for (int i = length - 1; i > 0; i--) {
        int j = draws.below(i + 1);
        char swap = chars[i];
        chars[i] = chars[j];
        chars[j] = swap;
      }
      return Secret.of(chars);
    } finally {
      Arrays.fill(chars, '\0');
      draws.wipe();
    }
  }

  private static char pick(char[] from, Draws draws) {
    return from[draws.below(from.length)];
  }

  /**
   * Uniform draws from random bytes fetched in batches: one {@link SecureRandom#nextBytes} call per
   * batch instead of one call per character (each call of the JDK's default generator reads the
   * operating system's source under a lock). Rejection sampling keeps every draw uniform. The bytes
   * decide the password, so they are wiped once it is made.
   */
  static final class Draws {
    private final SecureRandom random;
    private final byte[] bytes;
    private int next;

    Draws(SecureRandom random, int expected) {
      this.random = random;
      this.bytes = new byte[2 * expected];
      this.next = bytes.length;
    }

    /** A uniform integer in {@code [0, bound)}, for {@code 0 < bound <= 65536}. */
    int below(int bound) {
      int range = bound <= 256 ? 256 : 65536;
      int limit = range - range % bound;
      while (true) {
        int value = bound <= 256 ? take() : take() << 8 | take();
        if (value < limit) {
          return value % bound;
        }
      }
    }

    private int take() {
      if (next == bytes.length) {
        random.nextBytes(bytes);
        next = 0;
      }
      return bytes[next++] & 0xFF;
    }

    void wipe() {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "TemporaryPasswordGenerator[length=" + length + "]";
  }
}
