package io.mystaff.spring.boot;

import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Maps the host's Spring Security principal to the mystaff manager it signs in. Declare a bean of
 * this type to replace the default, {@link #byName(String)}: the user id is {@link
 * Authentication#getName()}, MFA is the authority named by {@code mystaff.web.mfa-authority}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ManagerMapping {
  /**
   * The sign-in of the authenticated principal.
   *
   * @param authentication the principal, authenticated
   * @param request the HTTP request it made
   * @return the context to sign in with
   * @throws io.mystaff.api.InvalidInputException if the principal names no valid user id
   */
  SignInContext signIn(Authentication authentication, HttpServletRequest request);

  /**
   * The default mapping: {@link Authentication#getName()} is the user id; the manager counts as
   * MFA-authenticated when they hold {@code mfaAuthority}; the client IP is the request's remote
   * address.
   *
   * @param mfaAuthority the authority that means MFA, or null when none does
   * @return the mapping
   */
  static ManagerMapping byName(@Nullable String mfaAuthority) {
    return (authentication, request) -> {
      boolean mfa = false;
      if (mfaAuthority != null) {
        for (GrantedAuthority authority : authentication.getAuthorities()) {
          if (mfaAuthority.equals(authority.getAuthority())) {
            mfa = true;
          }
        }
      }
      return new SignInContext(
          UserId.of(authentication.getName()), mfa, Optional.ofNullable(request.getRemoteAddr()));
    };
  }
}
