package io.mystaff.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class ManagerMappingTest {
  private static HttpServletRequest from(String address) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ManagerMappingTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> method.getName().equals("getRemoteAddr") ? address : null);
  }

  private static UsernamePasswordAuthenticationToken signedIn(String name, String... authorities) {
    return UsernamePasswordAuthenticationToken.authenticated(
        name, "n/a", AuthorityUtils.createAuthorityList(authorities));
  }

  @Test
  void theNameIsTheUserAndTheConfiguredAuthorityMeansMfa() {
    ManagerMapping mapping = ManagerMapping.byName("amr:mfa");

    SignInContext withMfa =
        mapping.signIn(signedIn("sam", "ROLE_STAFF", "amr:mfa"), from("10.0.0.7"));
    SignInContext without = mapping.signIn(signedIn("sam", "ROLE_STAFF"), from("10.0.0.7"));

    assertThat(withMfa)
        .isEqualTo(new SignInContext(UserId.of("sam"), true, Optional.of("10.0.0.7")));
    assertThat(without.multiFactorAuthenticated()).isFalse();
  }

  @Test
  void withoutAnMfaAuthorityNobodyCountsAsMfa() {
    SignInContext context =
        ManagerMapping.byName(null).signIn(signedIn("sam", "amr:mfa", "MFA"), from("::1"));

    assertThat(context.multiFactorAuthenticated()).isFalse();
  }

  @Test
  void aNameThatIsNoUserIdIsInvalidInput() {
    assertThatThrownBy(() -> ManagerMapping.byName(null).signIn(signedIn(" "), from("::1")))
        .isInstanceOf(InvalidInputException.class);
  }
}
