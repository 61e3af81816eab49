package io.mystaff.tests.reliability;

import java.util.List;
import java.util.Random;

/**
 * Malformed strings from a seeded {@link Random}: mostly mutations of valid examples (characters
 * inserted, deleted, replaced, doubled, cut), sometimes strings of hostile characters from scratch,
 * very long strings, blanks and null. Mutations may by chance stay valid; callers decide by an
 * oracle.
 */
final class Garbage {
  private static final String[] HOSTILE = {
    "\u0000",
    "\u0007",
    "\t",
    "\n",
    "\r",
    " ",
    "\u00A0",
    "\u2028",
    "\u200B",
    "\u202E",
    "\uFEFF",
    "\uD800",
    "\uDC00",
    "\uD83D\uDE00",
    "\uFFFF",
    "\"",
    "'",
    "\\",
    "/",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    ",",
    ":",
    "-",
    "+",
    "#",
    "*",
    "%",
    "$",
    "&",
    "<",
    ">",
    "=",
    "e",
    "E",
    "0",
    "9",
    ".",
    "x",
    "null",
    "true",
    "-eq",
    "-and",
    "-or",
    "user.",
    "\\u0000",
    "\\ud800",
    "1e999",
    "-0",
    "é",
    "Σ",
    "\u0130",
    "٣",
    "１"
  };

  private Garbage() {}

  /** A malformed (or, by chance, valid) variant of one of {@code examples}; null 1 time in 500. */
  static String next(Random r, List<String> examples) {
    int k = r.nextInt(500);
    if (k == 0) {
      return null;
    }
    if (k < 10) {
      return "";
    }
    if (k < 20) {
      return " ".repeat(1 + r.nextInt(5));
    }
    if (k < 30) {
      return repeat(r, 1_000 + r.nextInt(5_000));
    }
    if (k < 80) {
      return repeat(r, 1 + r.nextInt(40));
    }
    StringBuilder s = new StringBuilder(examples.get(r.nextInt(examples.size())));
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits; i++) {
      mutate(r, s);
    }
    return s.toString();
  }

  private static String repeat(Random r, int length) {
    StringBuilder s = new StringBuilder();
    while (s.length() < length) {
      s.append(r.nextInt(3) == 0 ? (char) r.nextInt(0x3000) : HOSTILE[r.nextInt(HOSTILE.length)]);
    }
    return s.toString();
  }

  private static void mutate(Random r, StringBuilder s) {
    int at = s.length() == 0 ? 0 : r.nextInt(s.length() + 1);
    switch (r.nextInt(6)) {
      case 0 -> s.insert(at, HOSTILE[r.nextInt(HOSTILE.length)]);
      case 1 -> {
        if (at < s.length()) {
          s.deleteCharAt(at);
        }
      }
      case 2 -> {
        if (at < s.length()) {
          s.setCharAt(
              at, r.nextBoolean() ? (char) (32 + r.nextInt(95)) : (char) r.nextInt(0x10000));
        }
      }
      case 3 -> s.insert(at, s.substring(at, Math.min(s.length(), at + 1 + r.nextInt(8))));
      case 4 -> s.setLength(at);
      default -> s.insert(at, (char) (32 + r.nextInt(95)));
    }
  }

  /** {@code s} with everything outside printable ASCII escaped, for failure messages. */
  static String escape(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .limit(200)
        .forEach(
            c -> {
              if (c >= 32 && c < 127 && c != '"' && c != '\\') {
                b.append((char) c);
              } else {
                b.append(String.format("\\u{%x}", c));
              }
            });
    return b.append(s.length() > 200 ? "...\" (" + s.length() + " chars)" : "\"").toString();
  }
}
