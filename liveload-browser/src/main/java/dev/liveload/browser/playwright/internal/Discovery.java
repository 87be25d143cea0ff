package dev.liveload.browser.playwright.internal;

import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.BrowserUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the browser to launch, in this order: the executable given in {@link BrowserOptions#executable}, the
 * {@code LIVELOAD_BROWSER} environment variable or {@code liveload.browser} system property, the browser
 * Playwright installed for its own version, a system {@code chromium-headless-shell} (headless only: it takes
 * about half the memory of full Chromium per user), a system Chromium or Chrome. Never downloads anything.
 */
public final class Discovery {
  /** The environment variable naming a browser executable. */
  public static final String ENV = "LIVELOAD_BROWSER";
  /** The system property naming a browser executable. */
  public static final String PROPERTY = "liveload.browser";

  private static final List<String> HEADLESS_SHELLS = List.of(
      "/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell",
      "/usr/lib64/chromium-browser/headless_shell");
  private static final List<String> CHROMIUMS = List.of(
      "/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium",
      "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/opt/google/chrome/chrome",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Chromium.app/Contents/MacOS/Chromium");

  /**
   * What to launch.
   *
   * @param executable the binary, or null for the browser Playwright installed itself
   * @param source     where it was found, for the log
   */
  public record Found(Path executable, String source) {
    @Override
    public String toString() {
      return (executable == null ? "Playwright's own Chromium" : executable.toString()) + " (" + source + ")";
    }
  }

  private final Map<String, String> env;
  private final String property;
  private final Path home;
  private final List<String> headlessShells;
  private final List<String> chromiums;

  Discovery(Map<String, String> env, String property, Path home, List<String> headlessShells,
      List<String> chromiums) {
    this.env = env;
    this.property = property;
    this.home = home;
    this.headlessShells = headlessShells;
    this.chromiums = chromiums;
  }

  /** Discovery as this process sees it (environment, system properties, home directory, usual install paths). */
  public static Discovery system() {
    return new Discovery(System.getenv(), System.getProperty(PROPERTY), Path.of(System.getProperty("user.home")),
        HEADLESS_SHELLS, CHROMIUMS);
  }

  /**
   * @param options the run's browser options
   * @return what to launch
   * @throws BrowserUnavailableException naming where it looked and the fixes, when nothing usable is found
   */
  public Found find(BrowserOptions options) {
    if (options.executable() != null) {
      return explicit(options.executable(), "BrowserOptions.executable");
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return explicit(Path.of(fromEnv.strip()), ENV);
    }
    if (property != null && !property.isBlank()) {
      return explicit(Path.of(property.strip()), "-D" + PROPERTY);
    }
    var looked = new ArrayList<String>();
    Path own = playwrightsOwn(options.headless(), looked);
    if (own != null) {
      return new Found(null, "installed by Playwright in " + own);
    }
    if (options.headless()) {
      Path shell = firstExecutable(headlessShells, "chromium-headless-shell", looked);
      if (shell != null) {
        return new Found(shell, "system chromium-headless-shell");
      }
    }
    Path chromium = firstExecutable(chromiums, "chromium", looked);
    if (chromium == null) {
      chromium = onPath(List.of("chromium-browser", "google-chrome", "google-chrome-stable"), looked);
    }
    if (chromium != null) {
      return new Found(chromium, "system Chromium/Chrome");
    }
    throw new BrowserUnavailableException("No Chromium found for browser users. Looked in: " + String.join(", ",
        looked) + ". Fix it with one of: (1) install one, e.g. on Debian/Ubuntu `apt-get install "
        + "chromium-headless-shell` (lightest for headless) or `apt-get install chromium`; (2) point LiveLoad at a "
        + "browser with BrowserOptions.executable(Path.of(\"/path/to/chrome\")), the " + ENV
        + " environment variable or -D" + PROPERTY + "=/path/to/chrome; (3) install Playwright's own with `mvn "
        + "exec:java -Dexec.mainClass=com.microsoft.playwright.CLI -Dexec.args=\"install chromium "
        + "--only-shell\"`. LiveLoad never downloads a browser itself.");
  }

  private static Found explicit(Path file, String source) {
    if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
      throw new BrowserUnavailableException("The browser given by " + source + " (" + file + ") is not an "
          + "executable file. Point it at a Chromium, Chrome or chromium-headless-shell binary, e.g. "
          + "/usr/lib/chromium/chromium-headless-shell, or unset it to let LiveLoad discover one.");
    }
    return new Found(file, source);
  }

  private Path firstExecutable(List<String> candidates, String command, List<String> looked) {
    for (String c : candidates) {
      Path p = Path.of(c);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    looked.addAll(candidates);
    return onPath(List.of(command), looked);
  }

  private Path onPath(List<String> commands, List<String> looked) {
    String path = env.getOrDefault("PATH", "");
    for (String command : commands) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (dir.isBlank()) {
          continue;
        }
        Path p = Path.of(dir, command);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return p;
        }
      }
      looked.add(command + " on PATH");
    }
    return null;
  }

  /**
   * The directory of the browser Playwright's driver expects (its {@code browsers.json} revision) when it is
   * installed, else null.
   */
  Path playwrightsOwn(boolean headless, List<String> looked) {
    String custom = env.get("PLAYWRIGHT_BROWSERS_PATH");
    Path root = custom != null && !custom.isBlank() && !custom.equals("0") ? Path.of(custom)
        : home.resolve(".cache").resolve("ms-playwright");
    List<String> names = new ArrayList<>();
    if (headless) {
      String rev = revision("chromium-headless-shell");
      if (rev != null) {
        names.add("chromium_headless_shell-" + rev);
      }
    }
    String rev = revision("chromium");
    if (rev != null) {
      names.add("chromium-" + rev);
    }
    for (String name : names) {
      Path dir = root.resolve(name);
      if (Files.isDirectory(dir) && Files.exists(dir.resolve("INSTALLATION_COMPLETE"))) {
        return dir;
      }
    }
    looked.add(names.isEmpty() ? root + " (Playwright's browsers)" : root + "/" + String.join("|", names));
    return null;
  }

  /** The browser revision the bundled Playwright driver was built for, from its {@code browsers.json}. */
  static String revision(String browser) {
    try (InputStream in = Discovery.class.getClassLoader().getResourceAsStream("driver/package/browsers.json")) {
      if (in == null) {
        return null;
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(browser)
          + "\"[^}]*?\"revision\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
      return m.find() ? m.group(1) : null;
    } catch (IOException e) {
      return null;
    }
  }
}
