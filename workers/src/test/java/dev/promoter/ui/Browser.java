package dev.promoter.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, through Debian's chromedriver (bin/install-test-deps.sh installs
 * both): a real browser with its own cookies, CSRF tokens and script, nothing downloaded.
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = System.getenv().getOrDefault("PROMOTER_CHROMIUM", "/usr/bin/chromium");
  static final String DRIVER = System.getenv().getOrDefault("PROMOTER_CHROMEDRIVER", "/usr/bin/chromedriver");
  private final ChromeDriver driver;
  private final String base;

  Browser(String base) {
    this(base, true);
  }

  /** A browser with script switched off when {@code script} is false: what the pages must work without. */
  Browser(String base, boolean script) {
    this.base = base;
    ChromeOptions options = new ChromeOptions();
    if (!script) {
      options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,1000", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(DRIVER).toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  ChromeDriver driver() {
    return driver;
  }

  Browser open(String path) {
    driver.get(base + path);
    return this;
  }

  WebElement find(String css) {
    try {
      return waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + "; the page says: "
          + driver.findElement(By.tagName("body")).getText() + "\n" + driver.getPageSource(), e);
    }
  }

  boolean has(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  String text(String css) {
    return find(css).getText();
  }

  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  void click(String css) {
    waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }

  void signIn(String user, String password) {
    open("/login");
    type("#username", user);
    type("#password", password);
    click("#sign-in");
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
  }

  void signOut() {
    click("#sign-out");
    find("#signed-out");
  }

  /** Waits until the element's text contains {@code text}, re-finding it (the live part is replaced). */
  void awaitText(String css, String text, Duration timeout) {
    try {
      new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> d.findElement(By.cssSelector(css)).getText().contains(text));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("waited " + timeout + " for '" + text + "' in " + css + " on "
          + driver.getCurrentUrl() + "; the page says: " + driver.findElement(By.tagName("body")).getText() + "\n" + driver.getPageSource(), e);
    }
  }

  /**
   * Waits until the element's text passes {@code test} and returns that very text, so what a test
   * asserts on is one reading of a page that keeps replacing its live part.
   */
  String awaitText(String css, java.util.function.Predicate<String> test, Duration timeout) {
    try {
      return new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> {
            String text = d.findElement(By.cssSelector(css)).getText();
            return test.test(text) ? text : null;
          });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("waited " + timeout + " for " + css + " on " + driver.getCurrentUrl()
          + "; the page says: " + driver.findElement(By.tagName("body")).getText(), e);
    }
  }

  /** Reloads the page until it has {@code css} (a page about something the server records a moment later). */
  void reloadUntil(String css, Duration timeout) {
    try {
      new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(500)).until(d -> {
        if (!d.findElements(By.cssSelector(css)).isEmpty()) {
          return true;
        }
        d.navigate().refresh();
        return false;
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + " after " + timeout
          + "; the page says: " + driver.findElement(By.tagName("body")).getText(), e);
    }
  }

  WebDriverWait waitFor() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
  }

  /** The whole page, saved under target/screenshots/. */
  Path screenshot(String name) throws IOException {
    Dimension before = driver.manage().window().getSize();
    long height = (Long) ((JavascriptExecutor) driver).executeScript(
        "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
    driver.manage().window().setSize(new Dimension(1400, (int) Math.min(6000, Math.max(900, height + 120))));
    Path file = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(file.getParent());
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    driver.manage().window().setSize(before);
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
