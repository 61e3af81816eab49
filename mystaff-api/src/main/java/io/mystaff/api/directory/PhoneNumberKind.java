package io.mystaff.api.directory;

/**
 * What kind of line a phone number belongs to, as the numbering plan of its country says. Core's
 * phone validation classifies each number (with libphonenumber) and refuses kinds the settings do
 * not allow; by default only {@link #MOBILE}, {@link #FIXED_LINE} and {@link #FIXED_LINE_OR_MOBILE}
 * numbers are accepted for phone authentication methods.
 *
 * @since 0.1.0
 */
public enum PhoneNumberKind {
  /** A mobile number. */
  MOBILE("a mobile number"),
  /** A fixed-line (landline) number. */
  FIXED_LINE("a fixed-line number"),
  /** A number the plan does not tell apart as fixed line or mobile (e.g. in the US). */
  FIXED_LINE_OR_MOBILE("a fixed-line or mobile number"),
  /** A freephone number (the called party pays). */
  TOLL_FREE("a toll-free number"),
  /** A premium-rate number, billed above the normal rate. */
  PREMIUM_RATE("a premium-rate number"),
  /** A shared-cost number (caller and called party share the cost). */
  SHARED_COST("a shared-cost number"),
  /** A voice-over-IP number. */
  VOIP("a voice-over-IP number"),
  /** A personal number, routed to wherever its owner chooses. */
  PERSONAL_NUMBER("a personal number"),
  /** A pager number. */
  PAGER("a pager number"),
  /** A universal access number (a company number routed to one of its offices). */
  UAN("a universal access number"),
  /** A voicemail access number. */
  VOICEMAIL("a voicemail access number"),
  /**
   * A number of a satellite network (Inmarsat +870, global mobile satellite systems +881, Thuraya
   * +882 16).
   */
  SATELLITE("a satellite phone number"),
  /** A valid number whose kind the numbering plan does not tell. */
  UNKNOWN("a number of unknown kind");

  private final String description;

  PhoneNumberKind(String description) {
    this.description = description;
  }

  /**
   * {@return what a message says a number of this kind is, e.g. {@code "a premium-rate number"}}
   */
  public String description() {
    return description;
  }
}
