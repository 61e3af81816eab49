package io.mystaff.core.password;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A per-character mapping applied to a password and to the terms it is compared with, so that
 * comparisons ignore differences a policy does not care about. Every folding maps one UTF-16 unit
 * to one, so positions and lengths are preserved.
 */
enum CharFolding {
  /**
   * Step 1 of Microsoft Entra Password Protection: upper case to lower case, then the documented
   * common substitutions {@code 0→o}, {@code 1→l}, {@code $→s} and {@code @→a}.
   */
  ENTRA_NORMALIZATION {
    @Override
    char fold(char c) {
      char lower = Character.toLowerCase(c);
      return switch (lower) {
        case '0' -> 'o';
        case '1' -> 'l';
        case '$' -> 's';
        case '@' -> 'a';
        default -> lower;
      };
    }
  },

  /**
   * Case-insensitive comparison, as {@link String#regionMatches(boolean, int, String, int, int)}.
   */
  IGNORE_CASE {
    @Override
    char fold(char c) {
      return Character.toLowerCase(Character.toUpperCase(c));
    }
  };

  abstract char fold(char c);

  /** A folded copy of {@code chars}; the caller wipes it when done if it holds a secret. */
  final char[] fold(char[] chars) {
    char[] folded = new char[chars.length];
    for (int i = 0; i < chars.length; i++) {
      folded[i] = fold(chars[i]);
    }
    return folded;
  }

  /** Overwrites a copy of a secret; {@code null} (not yet copied) is ignored. */
  static void wipe(char @Nullable [] chars) {
    if (chars != null) {
      Arrays.fill(chars, '\0');
    }
  }

  /** A folded copy of a non-secret term. */
  final char[] fold(String term) {
    char[] folded = new char[term.length()];
    for (int i = 0; i < folded.length; i++) {
      folded[i] = fold(term.charAt(i));
    }
    return folded;
  }
}
