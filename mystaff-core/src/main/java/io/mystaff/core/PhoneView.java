package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.directory.PhoneNumber;
import java.util.Optional;

/**
 * A phone method's number as one manager may see it. Reading authentication methods is privileged:
 * a manager who may {@linkplain io.mystaff.api.authz.StaffAction#MANAGE_PHONES manage the user's
 * phones} sees the whole number; anyone else sees it {@linkplain #masked() masked} to its last two
 * digits, so they can tell a user "the number ending in 55" and nothing more.
 *
 * <p>The masked form is always eight bullets (U+2022) and the last two digits of the E.164 number,
 * e.g. {@code ••••••••55}, whatever the number's length and without its extension: the length would
 * tell the country. A masked view holds nothing else of the number: its {@link #toString()}, {@link
 * #equals} and {@link #hashCode} see only the masked text.
 */
public final class PhoneView {
  /** What stands for the hidden digits of a masked number. */
  public static final String MASK = "\u2022".repeat(8);

  private final Optional<PhoneNumber> number;
  private final String display;

  private PhoneView(Optional<PhoneNumber> number, String display) {
    this.number = number;
    this.display = display;
  }

  /** The whole number, for a manager who may manage the user's phones. */
  public static PhoneView of(PhoneNumber number) {
    requireNonNull(number, "number");
    return new PhoneView(Optional.of(number), number.toString());
  }

  /** The number masked to its last two digits, for any other manager. */
  public static PhoneView masked(PhoneNumber number) {
    requireNonNull(number, "number");
    String e164 = number.e164();
    return new PhoneView(Optional.empty(), MASK + e164.substring(e164.length() - 2));
  }

  /** True if the number is masked to its last two digits. */
  public boolean masked() {
    return number.isEmpty();
  }

  /** The whole number; empty when {@linkplain #masked() masked}. */
  public Optional<PhoneNumber> number() {
    return number;
  }

  /**
   * What a UI shows: the number as Microsoft Graph writes it ({@code +14255550100x123}), or the
   * masked form ({@code ••••••••00}).
   */
  public String display() {
    return display;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PhoneView v && number.equals(v.number) && display.equals(v.display);
  }

  @Override
  public int hashCode() {
    return display.hashCode();
  }

  /** {@link #display()}. */
  @Override
  public String toString() {
    return display;
  }
}
