package io.mystaff.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.directory.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of {@link PhoneNumberParser#parse}: for random strings and for mutations of valid
 * numbers, parse either returns a number that obeys the parser's laws or throws {@link
 * InvalidInputException}, never anything else. Every failure names the seed; replay with {@code
 * -Dmystaff.seed=<seed>}.
 */
class PhoneNumberParserFuzzTest {
  private static final int RANDOM_STRINGS = 60_000;
  private static final int MUTATIONS = 60_000;
  private static final Set<String> FIELDS = Set.of("phone number", "phone extension");
  private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final Pattern MARKER = Pattern.compile("(?i)extension|ext|x");
  private static final String[] TOKENS = {
    "x",
    "X",
    "ext",
    "ext.",
    "EXT. ",
    "extension ",
    ";ext=",
    ",",
    ";",
    "=",
    "#",
    "*",
    "+",
    "00",
    "011",
    "tel:",
    "(0)",
    " ",
    "-",
    "--",
    "..",
    "()",
    "\t"
  };
  private static final char[] ODD_CHARS = {
    '\u00A0', '\u2007', '\u202F', '\u2013', '\u2212', '\u0660', '\u0669', '\u06F5', '\uFF11',
    '\uFF0B', '\u200B', '\uFEFF', '\n', '\r', '\u0000', '\u001F', '\u007F', '\u2028', '\uD83D',
    '\uDE00', 'O', 'l', 'I'
  };
  private static final String SEPARATORS = " -.()/\t";

  private final PhoneNumberParser international = PhoneNumberParser.international();
  private final List<PhoneNumberParser> parsers =
      List.of(
          international,
          PhoneNumberParser.withDefaultRegion("US"),
          PhoneNumberParser.withDefaultRegion("GB"),
          PhoneNumberParser.withDefaultRegion("DE"),
          PhoneNumberParser.withDefaultRegion("IN"),
          PhoneNumberParser.withDefaultRegion("AU"),
          PhoneNumberParser.withDefaultRegion("IT"));

  static long seed() {
    return Long.getLong("mystaff.seed", ThreadLocalRandom.current().nextLong());
  }

  @Test
  void parse_randomStrings_returnsOrThrowsTypedError() {
    long seed = seed();
    Random random = new Random(seed);
    int accepted = 0;
    for (int i = 0; i < RANDOM_STRINGS; i++) {
      String raw = randomString(random);
      PhoneNumberParser parser = parsers.get(random.nextInt(parsers.size()));
      accepted += check(seed, i, parser, raw) ? 1 : 0;
    }
    assertThat(accepted).as("seed=%d: some random strings are valid numbers", seed).isPositive();
  }

  @Test
  void parse_mutatedValidNumbers_returnsOrThrowsTypedError() {
    long seed = seed();
    Random random = new Random(seed);
    List<Example> corpus = corpus();
    int accepted = 0;
    for (int i = 0; i < MUTATIONS; i++) {
      Example example = corpus.get(random.nextInt(corpus.size()));
      StringBuilder raw = new StringBuilder(example.text());
      int mutations = random.nextInt(4); // zero mutations keeps some inputs valid
      for (int m = 0; m < mutations; m++) {
        mutate(random, raw);
      }
      PhoneNumberParser parser =
          random.nextBoolean() ? example.parser() : parsers.get(random.nextInt(parsers.size()));
      accepted += check(seed, i, parser, raw.toString()) ? 1 : 0;
    }
    assertThat(accepted)
        .as("seed=%d: the corpus is mostly valid, so many inputs must be accepted", seed)
        .isGreaterThan(MUTATIONS / 10);
  }

  /** Returns true if accepted; fails with the seed unless parse obeyed its contract. */
  private boolean check(long seed, int index, PhoneNumberParser parser, String raw) {
    String context =
        "seed="
            + seed
            + " case="
            + index
            + " parser="
            + parser
            + " input=\""
            + escape(raw)
            + "\" (replay with -Dmystaff.seed="
            + seed
            + ")";
    PhoneNumber parsed;
    try {
      parsed = parser.parse(raw);
    } catch (InvalidInputException e) {
      for (InvalidInputException.Violation violation : e.violations()) {
        if (!FIELDS.contains(violation.field())) {
          throw new AssertionError(context + ": unexpected field " + violation.field(), e);
        }
      }
      String stripped = raw.strip();
      if (FOUR_DIGITS.matcher(e.getMessage()).find()
          || (stripped.length() >= 12 && e.getMessage().contains(stripped))) {
        throw new AssertionError(context + ": message repeats the input: " + e.getMessage(), e);
      }
      return false;
    } catch (RuntimeException | Error e) {
      throw new AssertionError(context + ": escaped " + e, e);
    }
    if (raw.strip().chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
      throw new AssertionError(context + ": accepted a control character other than tab");
    }
    if (LETTER.matcher(MARKER.matcher(raw).replaceAll("")).find()) {
      throw new AssertionError(context + ": accepted letters other than an extension marker");
    }
    if (!isValid(parsed.e164())) {
      throw new AssertionError(context + ": libphonenumber does not call " + parsed + " valid");
    }
    String graph;
    try {
      graph = parser.toGraphFormat(parsed);
      if (PhoneNumberParserTest.GRAPH_FORMAT.matcher(graph).matches()
          && parser.parse(graph).equals(parsed)
          && international.parse(graph).equals(parsed)) {
        return true;
      }
    } catch (RuntimeException e) {
      throw new AssertionError(context + ": round trip through Graph format threw " + e, e);
    }
    throw new AssertionError(context + ": round trip through Graph format broke: " + graph);
  }

  private static boolean isValid(String e164) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      return util.isValidNumber(util.parse(e164, "ZZ"));
    } catch (NumberParseException e) {
      return false;
    }
  }

  private static String randomString(Random random) {
    StringBuilder s = new StringBuilder();
    switch (random.nextInt(5)) {
      case 0 -> s.append('+');
      case 1 -> s.append("00");
      case 2 -> s.append("+1 ");
      default -> {}
    }
    int length = random.nextInt(random.nextInt(10) == 0 ? 80 : 24);
    while (s.length() < length) {
      appendRandom(random, s);
    }
    return s.toString();
  }

  private static void appendRandom(Random random, StringBuilder s) {
    int pick = random.nextInt(100);
    if (pick < 50) {
      s.append((char) ('0' + random.nextInt(10)));
    } else if (pick < 65) {
      s.append(SEPARATORS.charAt(random.nextInt(SEPARATORS.length())));
    } else if (pick < 78) {
      s.append(TOKENS[random.nextInt(TOKENS.length)]);
    } else if (pick < 86) {
      s.append((char) (' ' + random.nextInt(95))); // printable ASCII
    } else if (pick < 93) {
      s.append(ODD_CHARS[random.nextInt(ODD_CHARS.length)]);
    } else {
      s.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1)); // may be a lone surrogate
    }
  }

  private static void mutate(Random random, StringBuilder s) {
    int at = s.length() == 0 ? 0 : random.nextInt(s.length());
    switch (random.nextInt(8)) {
      case 0 -> {
        StringBuilder insert = new StringBuilder();
        appendRandom(random, insert);
        s.insert(at, insert);
      }
      case 1 -> {
        if (s.length() > 0) {
          s.deleteCharAt(at);
        }
      }
      case 2 -> {
        if (s.length() > 0) {
          StringBuilder replacement = new StringBuilder();
          appendRandom(random, replacement);
          s.replace(at, at + 1, replacement.toString());
        }
      }
      case 3 -> s.insert(at, s.substring(at, Math.min(s.length(), at + 1 + random.nextInt(4))));
      case 4 -> {
        if (at + 1 < s.length()) {
          char c = s.charAt(at);
          s.setCharAt(at, s.charAt(at + 1));
          s.setCharAt(at + 1, c);
        }
      }
      case 5 -> s.setLength(at);
      case 6 -> s.append((char) ('0' + random.nextInt(10)));
      default -> s.insert(0, random.nextBoolean() ? "00" : "+");
    }
  }

  record Example(String text, PhoneNumberParser parser) {}

  /** Every libphonenumber example number, written the ways people and systems write them. */
  private List<Example> corpus() {
    String[] extensions = {"", " x123", " ext. 5", ";ext=77", ", extension 1234567890"};
    List<Example> corpus = new ArrayList<>();
    int e = 0;
    for (ExampleNumber example : ExampleNumber.all()) {
      String extension = extensions[e++ % extensions.length];
      corpus.add(
          new Example(example.format(PhoneNumberFormat.INTERNATIONAL) + extension, international));
      corpus.add(new Example(example.format(PhoneNumberFormat.E164) + extension, international));
      corpus.add(
          new Example(
              example.format(PhoneNumberFormat.NATIONAL) + extension, example.nationalParser()));
      corpus.add(new Example(example.format(PhoneNumberFormat.RFC3966), international));
    }
    return corpus;
  }

  private static String escape(String raw) {
    StringBuilder s = new StringBuilder();
    raw.chars()
        .forEach(
            c -> {
              if (c >= ' ' && c < 0x7F && c != '"' && c != '\\') {
                s.append((char) c);
              } else {
                s.append(String.format("\\u%04X", c));
              }
            });
    return s.toString();
  }
}
