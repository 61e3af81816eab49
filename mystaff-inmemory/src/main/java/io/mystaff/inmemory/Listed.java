package io.mystaff.inmemory;

import java.util.Comparator;

/**
 * Something listed in directory order: by display name, case-insensitively, then by id. Index
 * entries implement it, and so does {@link Key}, the probe that cursors decode to.
 */
interface Listed {
  /** Directory order: display name case-insensitively, then id (case-sensitively). */
  Comparator<Listed> ORDER = (a, b) -> {
    int byName = String.CASE_INSENSITIVE_ORDER.compare(a.displayName(), b.displayName());
    return byName != 0 ? byName : a.sortId().compareTo(b.sortId());
  };

  /** Sorts before every entry: display names are never empty. */
  Listed FIRST = new Key("", "");

  String displayName();

  /** The id's value, the tie-breaker between equal display names. */
  String sortId();

  /** A position in directory order. */
  record Key(String displayName, String sortId) implements Listed {}
}
