package io.mystaff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.inmemory.TenantJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo runs to completion and tells every step of the story. */
class RetailDemoTest {
  private static String output;

  @BeforeAll
  static void runDemo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      RetailDemo.run(out);
    }
    output = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void demo_runsToCompletion_everyStepInOrder() {
    List<String> steps =
        List.of(
            "1. Sam Okafor, manager of one store, signs in",
            "2. Rosa Diaz, regional manager, signs in and picks a location",
            "3. Members of Seattle Store",
            "4. Rosa searches the whole organization",
            "5. Reset the password of a cloud user",
            "6. Reset the password of a synced user",
            "7. A writeback that fails",
            "8. Edit a phone",
            "9. Outside Rosa's scope",
            "10. The audit trail",
            "Demo complete.");
    assertThat(output).containsSubsequence(steps);
  }

  @Test
  void signIn_singleAndSeveralLocations() {
    assertThat(output)
        .contains("goes straight in: Seattle Store")
        .contains("Rosa administers 3 locations")
        .containsSubsequence(
            "- Seasonal Crew", "- Seattle Store", "- Tacoma Store", "She picks Seattle Store.");
  }

  @Test
  void members_pagedWithWhatRosaMayDo() {
    assertThat(output)
        .containsPattern("Alice Ng +cloud +enabled +may reset password, manage phones")
        .containsPattern("Carlos Mendez +synced")
        .containsPattern("Ivy Tran +cloud +enabled +view only")
        .containsPattern("Sam Okafor +cloud +enabled +view only")
        .contains("2 pages of at most 4");
  }

  @Test
  void search_showsCanManage() {
    assertThat(output)
        .containsPattern("Carla Reyes +Bellevue Store +canManage=false")
        .containsPattern("Carlos Mendez +Seattle Store +canManage=true");
  }

  @Test
  void cloudReset_temporaryPasswordShownExactlyOnce() {
    Matcher m =
        Pattern.compile("Temporary password for Alice \\(shown once\\): (\\S+)").matcher(output);
    assertThat(m.find()).isTrue();
    String password = m.group(1);
    assertThat(password.length()).isGreaterThanOrEqualTo(16);
    assertThat(output.indexOf(password)).isEqualTo(output.lastIndexOf(password));
    assertThat(output).contains("Showing it again: refused");
  }

  @Test
  void writebacks_progressAndAClearFailure() {
    assertThat(output)
        .containsSubsequence(
            "6. Reset",
            "writeback SUBMITTED",
            "writeback IN_PROGRESS",
            "writeback SUCCEEDED",
            "holds Carlos's new password: true",
            "7. A writeback",
            "writeback SUBMITTED",
            "writeback IN_PROGRESS",
            "writeback FAILED",
            "Reason: USER_NOT_FOUND - The user was not found in the on-premises directory.");
    assertThat(output).doesNotContain("Spruce-Harbor-42!");
  }

  @Test
  void phoneEdit_normalized() {
    assertThat(output).contains("mobile +12065550141 -> +12065550143");
  }

  @Test
  void outsideScope_refusedWithTypedReasons() {
    assertThat(output)
        .contains("reset Hiro Sato (Bellevue Store): refused, TARGET_OUT_OF_SCOPE")
        .contains("refused, RESTRICTED_MANAGEMENT_UNIT");
  }

  @Test
  void auditTrail_everyAttemptFromMyStaff_noSecrets() {
    String trail = output.substring(output.indexOf("10. The audit trail"));
    List<String> events =
        trail.lines().filter(l -> l.matches("\\s+\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).toList();
    assertThat(events).hasSize(10).allSatisfy(l -> assertThat(l).contains("origin=MyStaff"));
    assertThat(trail)
        .containsSubsequence(
            "Sign in to My Staff",
            "Sign in to My Staff",
            "Reset user password            SUCCEEDED",
            "PENDING   WRITEBACK_SUBMITTED",
            "WRITEBACK_USER_NOT_FOUND",
            "mobilePhoneNumber=+1 2065550143",
            "DENIED    TARGET_OUT_OF_SCOPE",
            "DENIED    RESTRICTED_MANAGEMENT_UNIT");
    assertThat(trail).contains("10 of 10 events say origin=MyStaff; none holds either password.");
  }

  @Test
  void fixture_isAValidTenantDocumentThatRoundTrips() {
    TenantJson tenant = TenantJson.parse(RetailDemo.fixtureText());
    assertThat(TenantJson.parse(tenant.toJson())).isEqualTo(tenant);
    assertThat(tenant.units())
        .anySatisfy(u -> assertThat(u.isDynamic()).isTrue())
        .anySatisfy(u -> assertThat(u.restrictedManagement()).isTrue());
    assertThat(tenant.users())
        .anySatisfy(u -> assertThat(u.isSynced()).isTrue())
        .anySatisfy(u -> assertThat(u.isSynced()).isFalse());
  }

  @Test
  void activeDirectoryOption_withAnUnreachableController_fallsBackToTheSimulator()
      throws Exception {
    int closedPort;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      RetailDemo.run(
          out,
          java.util.Optional.of(
              new RetailDemo.ActiveDirectoryTarget(
                  "127.0.0.1",
                  closedPort,
                  "CN=svc,DC=example",
                  io.mystaff.api.password.Secret.of("not-used-1"),
                  "DC=example",
                  java.util.Optional.empty(),
                  true)));
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("is not available")
        .contains("synced resets use the simulator")
        .contains("Demo complete.")
        .doesNotContain("not-used-1");
  }
}
