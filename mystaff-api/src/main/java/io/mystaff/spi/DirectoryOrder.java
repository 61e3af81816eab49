package io.mystaff.spi;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import java.util.Comparator;

/**
 * Directory order, the order of every listing a {@link Directory} returns: by display name ignoring
 * case, then by id. Providers that sort in their own store (SQL, LDAP) compare with this order, or
 * with one that agrees with it on their data, to pass the directory contract.
 *
 * <p>Both parts are compared by whole characters (Unicode code points), never by UTF-16 units, so a
 * name with a supplementary character (an emoji, a CJK extension character) sorts after every name
 * that has a BMP character at the same position, as it does in UTF-8 byte order and in {@code
 * COLLATE "C"} / binary collations. Names are compared code point by code point after {@link
 * Character#toUpperCase(int)} and then {@link Character#toLowerCase(int)} (the rule of {@link
 * String#CASE_INSENSITIVE_ORDER}, applied to code points); when one name is a prefix of the other,
 * the shorter comes first. Names equal ignoring case are ordered by id, code point by code point
 * and case-sensitively, so the order is total: two entries compare equal only if they have the same
 * id.
 *
 * @since 0.1.0
 */
public final class DirectoryOrder {
  /** Users in directory order. */
  public static final Comparator<User> USERS =
      (a, b) -> compare(a.displayName(), a.id().value(), b.displayName(), b.id().value());

  /** Administrative units in directory order. */
  public static final Comparator<AdministrativeUnit> UNITS =
      (a, b) -> compare(a.displayName(), a.id().value(), b.displayName(), b.id().value());

  /** Sort keys in directory order; the natural order of {@link SortKey}. */
  public static final Comparator<SortKey> KEYS =
      (a, b) -> compare(a.displayName(), a.id(), b.displayName(), b.id());

  /** Display names ignoring case, code point by code point. */
  public static final Comparator<String> NAMES = DirectoryOrder::compareNames;

  private DirectoryOrder() {}

  /**
   * The sort key of a user: its display name and id.
   *
   * @param user the user
   * @return its sort key
   */
  public static SortKey keyOf(User user) {
    return new SortKey(user.displayName(), user.id().value());
  }

  /**
   * The sort key of a unit: its display name and id.
   *
   * @param unit the unit
   * @return its sort key
   */
  public static SortKey keyOf(AdministrativeUnit unit) {
    return new SortKey(unit.displayName(), unit.id().value());
  }

  /**
   * Compares two entries given by display name and id value in directory order: negative if the
   * first sorts before the second, zero if both are the same position.
   *
   * @param displayNameA the first entry's display name
   * @param idA the first entry's id value
   * @param displayNameB the second entry's display name
   * @param idB the second entry's id value
   * @return negative, zero or positive as the first entry sorts before, with or after the second
   */
  public static int compare(String displayNameA, String idA, String displayNameB, String idB) {
    int byName = compareNames(displayNameA, displayNameB);
    return byName != 0 ? byName : compareCodePoints(idA, idB);
  }

  /**
   * Compares two display names ignoring case, by code points (see the class comment).
   *
   * @param a the first name
   * @param b the second name
   * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
   */
  public static int compareNames(String a, String b) {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    // ASCII prefix, char by char: only letters have case, and they fold within ASCII
    int shorter = Math.min(a.length(), b.length());
    int k = 0;
    for (; k < shorter; k++) {
      char x = a.charAt(k);
      char y = b.charAt(k);
      if ((x | y) >= 0x80) {
        break;
      }
      if (x != y) {
        int lx = x >= 'A' && x <= 'Z' ? x + ('a' - 'A') : x;
        int ly = y >= 'A' && y <= 'Z' ? y + ('a' - 'A') : y;
        if (lx != ly) {
          return Integer.compare(lx, ly);
        }
      }
    }
    int i = k;
    int j = k;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      i += Character.charCount(x);
      j += Character.charCount(y);
      if (x != y) {
        int ux = Character.toUpperCase(x);
        int uy = Character.toUpperCase(y);
        if (ux != uy) {
          int lx = Character.toLowerCase(ux);
          int ly = Character.toLowerCase(uy);
          if (lx != ly) {
            return Integer.compare(lx, ly);
          }
        }
      }
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /**
   * Compares two strings case-sensitively by code points.
   *
   * @param a the first string
   * @param b the second string
   * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
   */
  public static int compareCodePoints(String a, String b) {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
