package io.mystaff.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.core.MyStaff;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.inmemory.SimulatedOnPremisesWriteback;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample HR portal end to end in a real browser: each step asserts what the page shows and what
 * the audit log holds, and each screen is photographed at phone and desktop sizes and checked with
 * axe-core. One portal and one browser for the class.
 */
class PortalBrowserTest {
  private static Browser browser;
  private static ConfigurableApplicationContext portal;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    if (!Browser.present()) {
      return; // each test is then skipped, or failed, by Browser.assumePresent()
    }
    browser = Browser.start();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    portal =
        HrPortal.start(new PrintStream(printed, true, StandardCharsets.UTF_8), "--server.port=0");
    Matcher address =
        Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/mystaff")
            .matcher(printed.toString(StandardCharsets.UTF_8));
    assertThat(address.find()).as("the portal prints its address").isTrue();
    base = address.group(1);
  }

  @AfterAll
  static void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void desktop() {
    Browser.assumePresent();
    browser.size(Browser.DESKTOP);
  }

  private static List<AuditEvent> audit(String manager) {
    portal.getBean(MyStaff.class).flushAudit();
    return portal.getBean(InMemoryAuditLog.class).byInitiator(UserId.of(manager));
  }

  private static void signIn(String user) {
    browser.signIn(base, user, HrPortal.DEMO_PASSWORD);
    browser.waitForText("manager", "Signed in as");
  }

  @Test
  void aManagerOfSeveralPlacesPicksALocationThenPagesAndSearches() throws Exception {
    browser.driver().manage().deleteAllCookies();
    browser.open(base + "/mystaff");
    browser.visible("username");
    browser.screen("sign-in");

    signIn("gia");
    browser.visible("locations-view");
    assertThat(browser.texts(By.cssSelector("#locations .name")))
        .startsWith("Whole organization")
        .contains("Seattle Store", "Tacoma Store");
    browser.screen("locations");
    assertThat(audit("gia"))
        .anySatisfy(e -> assertThat(e.activity()).isEqualTo(AuditActivity.SIGN_IN));

    browser.click(By.cssSelector("#locations button[data-location='']"));
    browser.visible("members-view");
    browser.waitForCount(By.cssSelector("#members li"), 10);
    List<String> first = browser.texts(By.cssSelector("#members .name"));
    assertThat(browser.find("previous-page").isEnabled()).isFalse();
    browser.screen("members");

    browser.click("next-page");
    browser.waitForText("status", "page 2");
    List<String> second = browser.texts(By.cssSelector("#members .name"));
    assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
    browser.click("previous-page");
    browser.waitForText("status", "page 1");
    assertThat(browser.texts(By.cssSelector("#members .name"))).isEqualTo(first);

    browser.type("search", "car");
    browser.click("search-button");
    browser.waitForText("status", "2 people shown");
    assertThat(browser.texts(By.cssSelector("#members .name")))
        .allSatisfy(n -> assertThat(n).startsWith("Car"));
    browser.screen("search");
  }

  @Test
  void aStoreManagerGoesStraightInAndResetsACloudUsersPasswordSeenOnce() throws Exception {
    signIn("sam");
    assertThat(browser.waitForText("members-heading", "Seattle Store")).isEqualTo("Seattle Store");
    assertThat(browser.find("locations-view").isDisplayed()).isFalse();

    browser.click(By.cssSelector("#members button[data-user='alice']"));
    browser.waitForText("profile-name", "Alice Ng");
    assertThat(browser.find("cloud-reset").isDisplayed()).isTrue();
    browser.screen("profile-cloud");

    browser.click("reset-password");
    browser.visible("temporary-password-result");
    String password = browser.find("temporary-password").getDomProperty("value");
    assertThat(password).hasSizeGreaterThanOrEqualTo(16);
    assertThat(browser.find("temporary-password-warning").getText())
        .contains("It will not be shown again.");
    browser.click("copy-password");
    browser.waitForText("copy-password", "Copied");
    browser.screen("temporary-password");

    assertThat(audit("sam"))
        .filteredOn(e -> e.activity() == AuditActivity.RESET_PASSWORD)
        .anySatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
              assertThat(e.targets().get(0).id()).isEqualTo("alice");
            })
        .allSatisfy(e -> assertThat(e.toString()).doesNotContain(password));
    browser.waitForText("activity-list", "Reset user password: Alice Ng (success");

    // Away to another page and back: neither the history nor the back-forward cache shows it.
    browser.open(base + "/login?away");
    browser.visible("username");
    browser.driver().navigate().back();
    browser.waitForText("manager", "Signed in as");
    assertThat(browser.find("temporary-password-result").isDisplayed()).isFalse();
    assertThat(browser.find("temporary-password").getDomProperty("value")).isEmpty();
    assertThat(browser.driver().getPageSource()).doesNotContain(password);

    // Leaving the profile takes the password out of the page at once.
    if (!browser.find("profile-view").isDisplayed()) {
      browser.click(By.cssSelector("#members button[data-user='alice']"));
      browser.waitForText("profile-name", "Alice Ng");
    }
    browser.click("reset-password");
    browser.visible("temporary-password-result");
    String second = browser.find("temporary-password").getDomProperty("value");
    assertThat(second).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(password);
    browser.click("to-members");
    assertThat(browser.find("temporary-password").getDomProperty("value")).isEmpty();
    assertThat(browser.find("temporary-password-result").isDisplayed()).isFalse();

    browser.click(By.cssSelector("#members button[data-user='alice']"));
    browser.waitForText("profile-name", "Alice Ng");
    assertThat(browser.find("temporary-password-result").isDisplayed()).isFalse();
    assertThat(browser.driver().getPageSource()).doesNotContain(password).doesNotContain(second);
  }

  @Test
  void aSyncedUsersPasswordIsCheckedThenItsWritebackWatchedToTheEnd() throws Exception {
    signIn("sam");
    browser.click(By.cssSelector("#members button[data-user='carlos']"));
    browser.waitForText("profile-name", "Carlos Mendez");
    browser.visible("synced-reset");
    assertThat(browser.waitForText("password-rule-list", "characters")).contains("uppercase");
    browser.screen("profile-synced");

    browser.type("new-password", "Ab1!x");
    browser.click("set-password");
    assertThat(browser.visible("password-error").getText())
        .startsWith("The password")
        .doesNotContain("Ab1!x");
    assertThat(browser.find("new-password").getDomAttribute("aria-invalid")).isEqualTo("true");
    browser.screen("password-error");

    browser.type("new-password", "Correct-Horse-42");
    browser.click("set-password");
    browser.visible("writeback");
    browser.waitForText("writeback-outcome", "The new password is in place.");
    assertThat(browser.texts(By.cssSelector("#writeback-progress li")))
        .startsWith("Sent to the on-premises directory")
        .endsWith("Written back");
    browser.screen("writeback-succeeded");
    assertThat(
            portal
                .getBean(SimulatedOnPremisesWriteback.class)
                .verifyPassword(
                    UserId.of("carlos"), io.mystaff.api.password.Secret.of("Correct-Horse-42")))
        .isTrue();
    assertThat(audit("sam"))
        .filteredOn(
            e ->
                e.activity() == AuditActivity.RESET_PASSWORD
                    && e.targets().get(0).id().equals("carlos"))
        .extracting(AuditEvent::outcome)
        .contains(AuditOutcome.PENDING, AuditOutcome.SUCCEEDED);

    portal
        .getBean(SimulatedOnPremisesWriteback.class)
        .failFor(UserId.of("dana"), io.mystaff.api.password.WritebackFailure.UNREACHABLE);
    browser.click("to-members");
    browser.click(By.cssSelector("#members button[data-user='dana']"));
    browser.waitForText("profile-name", "Dana Kim");
    browser.type("new-password", "Battery-Staple-77");
    browser.click("set-password");
    assertThat(browser.waitForText("writeback-outcome", "Failed:")).contains("UNREACHABLE");
    browser.screen("writeback-failed");
    assertThat(audit("sam"))
        .anySatisfy(
            e -> {
              assertThat(e.targets().get(0).id()).isEqualTo("dana");
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
            });
  }

  @Test
  void aPhoneIsRejectedUnderItsFieldThenSavedThenRemoved() throws Exception {
    signIn("sam");
    browser.click(By.cssSelector("#members button[data-user='erin']"));
    browser.waitForText("profile-name", "Erin Walsh");
    browser.visible("phones-panel");

    browser.type("phone-mobile", "555-01");
    browser.click("phone-mobile-save");
    assertThat(browser.visible("phone-mobile-error").getText()).isNotBlank();
    assertThat(browser.find("phone-mobile").getDomAttribute("aria-invalid")).isEqualTo("true");
    browser.screen("phone-error");
    assertThat(audit("sam"))
        .noneSatisfy(e -> assertThat(e.activity()).isEqualTo(AuditActivity.ADD_PHONE));

    browser.type("phone-mobile", "(206) 555-0143");
    browser.click("phone-mobile-save");
    browser.waitForText("status", "Mobile phone saved.");
    assertThat(browser.find("phone-mobile").getDomProperty("value")).isEqualTo("+1 2065550143");
    assertThat(browser.find("phone-mobile").getDomAttribute("aria-invalid")).isNull();
    browser.visible("phone-mobile-remove");
    browser.screen("phone-saved");
    assertThat(audit("sam"))
        .anySatisfy(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.ADD_PHONE);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
              assertThat(e.targets().get(0).id()).isEqualTo("erin");
            });

    browser.click("phone-mobile-remove");
    browser.waitForText("status", "Mobile phone removed.");
    assertThat(browser.find("phone-mobile").getDomProperty("value")).isEmpty();
    assertThat(browser.driver().findElements(By.id("phone-mobile-remove"))).isEmpty();
    assertThat(audit("sam"))
        .anySatisfy(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.DELETE_PHONE);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
              assertThat(e.targets().get(0).id()).isEqualTo("erin");
            });
  }

  @Test
  void outOfScopeUsersAreViewOnlyAndAChangeAfterAMoveIsRefusedWithTheReason() throws Exception {
    signIn("sam");
    browser.type("search", "frank");
    browser.click(By.id("search-everywhere"));
    browser.click("search-button");
    browser.waitForText("members", "Frank Hale");
    assertThat(browser.texts(By.cssSelector("#members .name")))
        .containsExactly("Frank Hale view only");
    browser.click(By.cssSelector("#members button[data-user='frank']"));
    browser.waitForText("profile-name", "Frank Hale");
    assertThat(browser.visible("view-only").getText()).contains("not change");
    assertThat(browser.find("password-panel").isDisplayed()).isFalse();
    browser.screen("view-only");
  }

  @Test
  void aStaffMemberMovedAwayWhileTheirProfileIsOpenIsRefusedWithTheReason() throws Exception {
    signIn("sam");
    browser.click(By.cssSelector("#members button[data-user='alice']"));
    browser.waitForText("profile-name", "Alice Ng");
    browser.visible("reset-password");

    move("alice", "store-seattle", "store-tacoma");
    try {
      browser.click("reset-password");
      assertThat(browser.visible("alert").getText())
          .isEqualTo("This user is outside the locations you manage. (TARGET_OUT_OF_SCOPE)");
      assertThat(browser.find("temporary-password-result").isDisplayed()).isFalse();
      browser.screen("refused");
      assertThat(audit("sam"))
          .anySatisfy(
              e -> {
                assertThat(e.activity()).isEqualTo(AuditActivity.RESET_PASSWORD);
                assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
                assertThat(e.targets().get(0).id()).isEqualTo("alice");
                assertThat(e.resultReason())
                    .hasValueSatisfying(r -> assertThat(r).contains("TARGET_OUT_OF_SCOPE"));
              });
    } finally {
      move("alice", "store-tacoma", "store-seattle");
    }
  }

  @Test
  void someoneWithoutAnAdministratorRoleIsToldWhy() throws Exception {
    browser.signIn(base, "alice", HrPortal.DEMO_PASSWORD);
    assertThat(browser.visible("alert").getText())
        .contains("My Staff requires an administrator role")
        .contains("NO_ADMIN_ROLE");
    browser.screen("refused-sign-in");
    assertThat(audit("alice"))
        .anySatisfy(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.SIGN_IN);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
            });
  }

  @Test
  void everythingIsReachableFromTheKeyboard() throws Exception {
    signIn("rosa");
    browser.visible("locations-view");
    assertThat(active().getDomAttribute("id")).isEqualTo("locations-heading");

    tabUntil(e -> e.getText().startsWith("Seattle Store"));
    active().sendKeys(Keys.ENTER);
    browser.waitForText("members-heading", "Seattle Store");
    assertThat(active().getDomAttribute("id")).isEqualTo("members-heading");

    tabUntil(e -> "search".equals(e.getDomAttribute("id")));
    active().sendKeys("carl", Keys.ENTER);
    browser.waitForText("status", "1 person shown");
    tabUntil(e -> "carlos".equals(e.getDomAttribute("data-user")));
    active().sendKeys(Keys.ENTER);
    browser.waitForText("profile-name", "Carlos Mendez");
    assertThat(active().getDomAttribute("id")).isEqualTo("profile-name");

    tabUntil(e -> "new-password".equals(e.getDomAttribute("id")));
    active().sendKeys("Keyboard-Only-99", Keys.ENTER);
    browser.waitForText("writeback-outcome", "The new password is in place.");
    assertThat(audit("rosa"))
        .anySatisfy(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.RESET_PASSWORD);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
              assertThat(e.targets().get(0).id()).isEqualTo("carlos");
            });
  }

  @Test
  void aManagerWhoseSignInEndedIsOfferedToSignInAgain() throws Exception {
    signIn("sam");
    browser.waitForText("members-heading", "Seattle Store");

    browser.driver().manage().deleteAllCookies();
    browser.click(By.cssSelector("#members button[data-user='alice']"));

    assertThat(browser.visible("alert").getText()).isEqualTo("You are signed out. Sign in again");
    browser.screen("signed-out");
    browser.click("sign-in-again");
    browser.visible("username");
  }

  private static WebElement active() {
    return browser.driver().switchTo().activeElement();
  }

  /** Presses Tab until the focused element matches, at most 30 times. */
  private static void tabUntil(java.util.function.Predicate<WebElement> target) {
    for (int i = 0; i < 30; i++) {
      if (target.test(active())) {
        return;
      }
      active().sendKeys(Keys.TAB);
    }
    throw new AssertionError("Tab never reached the element; focus is on " + active().getTagName());
  }

  static void move(String user, String from, String to) {
    InMemoryDirectory directory = portal.getBean(InMemoryDirectory.class);
    directory.removeMember(UnitId.of(from), UserId.of(user));
    directory.addMember(UnitId.of(to), UserId.of(user));
  }
}
