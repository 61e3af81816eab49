package io.mystaff.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureAvailabilityTest {
  private static final GroupId STORE_MANAGERS = GroupId.of("store-managers");

  private static User user(String id, GroupId... groups) {
    return User.builder()
        .id(UserId.of(id))
        .userPrincipalName(id + "@contoso.com")
        .displayName(id)
        .groups(Set.of(groups))
        .build();
  }

  @Test
  void all_anyUser_enabled() {
    assertThat(FeatureAvailability.all().isEnabledFor(user("ann"))).isTrue();
  }

  @Test
  void none_anyUser_disabled() {
    assertThat(FeatureAvailability.none().isEnabledFor(user("ann", STORE_MANAGERS))).isFalse();
  }

  @Test
  void selected_listedUser_enabled() {
    FeatureAvailability selected = FeatureAvailability.selected(Set.of(UserId.of("ann")), Set.of());
    assertThat(selected.isEnabledFor(user("ann"))).isTrue();
    assertThat(selected.isEnabledFor(user("bob"))).isFalse();
  }

  @Test
  void selected_memberOfListedGroup_enabled() {
    FeatureAvailability selected = FeatureAvailability.selected(Set.of(), Set.of(STORE_MANAGERS));
    assertThat(selected.isEnabledFor(user("bob", GroupId.of("other"), STORE_MANAGERS))).isTrue();
    assertThat(selected.isEnabledFor(user("eve", GroupId.of("other")))).isFalse();
  }

  @Test
  void selected_nothingSelected_rejected() {
    assertThatThrownBy(() -> FeatureAvailability.selected(Set.of(), Set.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("none()");
  }

  @Test
  void selected_laterChangeToCallersSet_ignored() {
    Set<UserId> users = new HashSet<>(Set.of(UserId.of("ann")));
    FeatureAvailability selected = FeatureAvailability.selected(users, Set.of());
    users.add(UserId.of("bob"));
    assertThat(selected.isEnabledFor(user("bob"))).isFalse();
  }
}
