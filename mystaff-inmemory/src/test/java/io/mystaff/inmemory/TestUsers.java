package io.mystaff.inmemory;

import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Users and listing walks for directory tests. */
final class TestUsers {
  /** Directory order, written independently of the implementation's. */
  static final Comparator<User> ORDER =
      Comparator.comparing(User::displayName, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(u -> u.id().value());

  private TestUsers() {}

  /** A cloud-only user {@code id@contoso.com}. */
  static User user(String id, String displayName) {
    return User.builder()
        .id(UserId.of(id))
        .userPrincipalName(id + "@contoso.com")
        .displayName(displayName)
        .build();
  }

  /** A synced user {@code id@contoso.com} with sAMAccountName {@code id}. */
  static User synced(String id, String displayName) {
    return user(id, displayName).toBuilder()
        .source(UserSource.SYNCED_FROM_ON_PREMISES)
        .onPremisesSamAccountName(id)
        .build();
  }

  /** Every item of a paged listing, walking all pages of {@code size}. */
  static <T> List<T> walk(int size, Function<PageRequest, Page<T>> listing) {
    List<T> all = new ArrayList<>();
    Page<T> page = listing.apply(PageRequest.first(size));
    while (true) {
      all.addAll(page.items());
      if (!page.hasNext()) {
        return all;
      }
      page = listing.apply(PageRequest.after(page.nextCursor().orElseThrow(), size));
    }
  }

  static List<String> ids(List<User> users) {
    return users.stream().map(u -> u.id().value()).toList();
  }
}
