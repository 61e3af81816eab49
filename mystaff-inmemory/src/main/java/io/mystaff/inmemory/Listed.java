package io.mystaff.inmemory;

import io.mystaff.spi.DirectoryOrder;
import io.mystaff.spi.SortKey;
import java.util.Comparator;

/**
 * Something listed in directory order: by display name, case-insensitively, then by id. Index
 * entries implement it, and so does {@link Key}, the probe that cursors decode to.
 */
interface Listed {
  /** {@link DirectoryOrder}: display name ignoring case, then id, by code points. */
  Comparator<Listed> ORDER =
      (a, b) -> DirectoryOrder.compare(a.displayName(), a.sortId(), b.displayName(), b.sortId());

  /** Sorts before every entry: display names are never empty. */
  Listed FIRST = new Key("", "");

  String displayName();

  /** The id's value, the tie-breaker between equal display names. */
  String sortId();

  /** A position in directory order. */
  record Key(String displayName, String sortId) implements Listed {
    static Key of(SortKey key) {
      return new Key(key.displayName(), key.id());
    }
  }
}
