package dev.liveload.browser.playwright.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.BrowserUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {
  @TempDir
  Path dir;

  private Path executable(String name) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  private Discovery discovery(Map<String, String> env, String property, List<Path> shells, List<Path> chromiums) {
    return new Discovery(env, property, dir.resolve("home"), shells.stream().map(Path::toString).toList(),
        chromiums.stream().map(Path::toString).toList());
  }

  @Test
  void anExplicitExecutableWinsOverEverything() throws IOException {
    Path mine = executable("mine/chrome");
    Path shell = executable("usr/chromium-headless-shell");
    var found = discovery(Map.of(Discovery.ENV, shell.toString()), null, List.of(shell), List.of())
        .find(BrowserOptions.defaults().executable(mine));
    assertThat(found.executable()).isEqualTo(mine);
    assertThat(found.source()).isEqualTo("BrowserOptions.executable");
  }

  @Test
  void theEnvironmentVariableThenTheSystemProperty() throws IOException {
    Path a = executable("a/chrome");
    Path b = executable("b/chrome");
    assertThat(discovery(Map.of(Discovery.ENV, a.toString()), b.toString(), List.of(), List.of())
        .find(BrowserOptions.defaults()).executable()).isEqualTo(a);
    assertThat(discovery(Map.of(), b.toString(), List.of(), List.of())
        .find(BrowserOptions.defaults()).executable()).isEqualTo(b);
  }

  @Test
  void playwrightsOwnBrowserComesBeforeTheSystemOnes() throws IOException {
    String rev = Discovery.revision("chromium-headless-shell");
    assertThat(rev).as("the bundled driver's browsers.json").isNotBlank();
    Path installed = dir.resolve("home/.cache/ms-playwright/chromium_headless_shell-" + rev);
    Files.createDirectories(installed);
    Files.writeString(installed.resolve("INSTALLATION_COMPLETE"), "");
    Path shell = executable("usr/chromium-headless-shell");
    var found = discovery(Map.of(), null, List.of(shell), List.of()).find(BrowserOptions.defaults());
    assertThat(found.executable()).as("null: let Playwright launch its own").isNull();
    assertThat(found.source()).contains(installed.toString());
  }

  @Test
  void headlessPrefersTheHeadlessShellAndHeadedSkipsIt() throws IOException {
    Path shell = executable("usr/chromium-headless-shell");
    Path chromium = executable("usr/chromium");
    var d = discovery(Map.of(), null, List.of(shell), List.of(chromium));
    assertThat(d.find(BrowserOptions.defaults()).executable()).isEqualTo(shell);
    assertThat(d.find(BrowserOptions.defaults().headless(false)).executable()).isEqualTo(chromium);
  }

  @Test
  void nothingFoundNamesWhereItLookedAndTheFixes() {
    var d = discovery(Map.of("PATH", dir.toString()), null, List.of(dir.resolve("no-shell")),
        List.of(dir.resolve("no-chromium")));
    assertThatThrownBy(() -> d.find(BrowserOptions.defaults()))
        .isInstanceOf(BrowserUnavailableException.class)
        .hasMessageContaining("No Chromium found")
        .hasMessageContaining(dir.resolve("no-shell").toString())
        .hasMessageContaining("apt-get install chromium-headless-shell")
        .hasMessageContaining("BrowserOptions.executable")
        .hasMessageContaining(Discovery.ENV)
        .hasMessageContaining("never downloads");
  }

  @Test
  void anExplicitPathThatIsNotABrowserFailsWithTheFix() {
    assertThatThrownBy(() -> discovery(Map.of(), null, List.of(), List.of())
        .find(BrowserOptions.defaults().executable(dir.resolve("nope"))))
        .isInstanceOf(BrowserUnavailableException.class)
        .hasMessageContaining("is not an executable file")
        .hasMessageContaining("unset it to let LiveLoad discover one");
  }

  @Test
  void theSystemFindsDebiansChromium() {
    var found = Discovery.system().find(BrowserOptions.defaults());
    assertThat(found.executable()).as("installed by .ci/run: apt-get install chromium-headless-shell").isNotNull();
    assertThat(found.executable().toString()).contains("chromium");
  }
}
