package io.mystaff.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Selenium with the driver path given explicitly
 * (INFRA.md §3). Without Chromium the tests are skipped with the install command, unless {@value
 * #FLAG}=true (system property) or {@value #ENV}=true (environment, as {@code .ci/run} sets) makes
 * that a failure.
 */
final class Browser implements AutoCloseable {
  static final String FLAG = "mystaff.requireChromium";
  static final String ENV = "MYSTAFF_REQUIRE_CHROMIUM";
  static final String INSTALL =
      "DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver";

  /**
   * Debian's paths; {@code -Dmystaff.chromium=...} and {@code -Dmystaff.chromedriver=...} move
   * them.
   */
  static final Path CHROMIUM = Path.of(System.getProperty("mystaff.chromium", "/usr/bin/chromium"));

  static final Path DRIVER =
      Path.of(System.getProperty("mystaff.chromedriver", "/usr/bin/chromedriver"));
  static final Dimension PHONE = new Dimension(390, 844);
  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Path SHOTS = Path.of("target", "screenshots");
  static final Path AXE_REPORTS = Path.of("target", "axe");

  private static final String AXE_SCRIPT = axeScript();

  private final ChromeDriver driver;
  private final Path profile;
  private final WebDriverWait wait;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /**
   * Skips the calling test with the install command when Chromium or its driver is missing, or
   * fails it when {@value #ENV}=true. Call it before each test, so that each is reported.
   */
  static void assumePresent() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present) {
      String reason = "Chromium and its driver are not installed; install them with: " + INSTALL;
      if (Boolean.parseBoolean(System.getProperty(FLAG, "false"))
          || Boolean.parseBoolean(System.getenv(ENV))) {
        throw new AssertionError(reason + " (" + ENV + "=true makes this a failure)");
      }
      Assumptions.abort(reason + " (set " + ENV + "=true to make this a failure)");
    }
  }

  /** Whether Chromium and its driver are installed. */
  static boolean present() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
  }

  /** A headless Chromium; call {@link #assumePresent()} first. */
  static Browser start() throws IOException {
    Path profile = Files.createTempDirectory("mystaff-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  /**
   * Lays the page out for {@code size}: the phone size is emulated exactly (a 390x844 mobile
   * viewport, as Chrome's device mode does), the desktop size is the window's.
   */
  void size(Dimension size) {
    if (size.equals(PHONE)) {
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of(
              "width",
              size.getWidth(),
              "height",
              size.getHeight(),
              "deviceScaleFactor",
              1,
              "mobile",
              true));
    } else {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      driver.manage().window().setSize(size);
    }
  }

  WebElement find(String id) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
  }

  WebElement visible(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  void type(String id, String text) {
    WebElement field = visible(id);
    field.clear();
    field.sendKeys(text);
  }

  /** Waits until the element's text contains {@code text}, and returns the whole text. */
  String waitForText(String id, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    return driver.findElement(By.id(id)).getText();
  }

  void waitUntilHidden(String id) {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(id)));
  }

  List<String> texts(By by) {
    List<String> texts = new ArrayList<>();
    for (WebElement e : driver.findElements(by)) {
      texts.add(e.getText());
    }
    return texts;
  }

  /** Waits until {@code by} matches exactly {@code count} elements. */
  void waitForCount(By by, int count) {
    wait.until(ExpectedConditions.numberOfElementsToBe(by, count));
  }

  void signIn(String base, String user, String password) {
    driver.manage().deleteAllCookies();
    open(base + "/login");
    type("username", user);
    type("password", password);
    click("sign-in");
  }

  /**
   * This screen at phone and desktop sizes: a screenshot of each under {@code target/screenshots}
   * and an axe-core check of each, which must find no serious or critical violation.
   */
  void screen(String name) throws IOException {
    for (Map.Entry<String, Dimension> size :
        List.of(Map.entry("phone", PHONE), Map.entry("desktop", DESKTOP))) {
      size(size.getValue());
      Files.createDirectories(SHOTS);
      Path shot = SHOTS.resolve(name + "-" + size.getKey() + ".png");
      Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
      String report = axe();
      Files.createDirectories(AXE_REPORTS);
      Files.writeString(AXE_REPORTS.resolve(name + "-" + size.getKey() + ".json"), report);
      List<?> violations =
          (List<?>)
              tools.jackson.databind.json.JsonMapper.builder()
                  .build()
                  .readValue(report, List.class);
      List<Object> serious = new ArrayList<>();
      for (Object v : violations) {
        Object impact = ((Map<?, ?>) v).get("impact");
        if ("serious".equals(impact) || "critical".equals(impact)) {
          serious.add(v);
        }
      }
      assertThat(serious).as("axe-core: serious or critical violations on " + name).isEmpty();
    }
    size(DESKTOP);
  }

  private String axe() {
    JavascriptExecutor js = driver;
    js.executeScript(AXE_SCRIPT);
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify("
                + "r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.map(n => n.target.join(' '))})))),"
                + " e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e)}])));");
    return String.valueOf(result);
  }

  private static String axeScript() {
    try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js (com.deque.html.axe-core:selenium) is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
