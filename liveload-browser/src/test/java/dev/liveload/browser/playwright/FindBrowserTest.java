package dev.liveload.browser.playwright;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.browser.BrowserOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asking where the browser would come from launches nothing and never throws. */
class FindBrowserTest {
  @Test
  void aNamedExecutableIsWhatWouldBeLaunched(@TempDir Path dir) throws Exception {
    Path chrome = Files.createFile(dir.resolve("chrome"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    assertThat(PlaywrightConnection.findBrowser(BrowserOptions.defaults().executable(chrome)))
        .hasValue(chrome + " (BrowserOptions.executable)");
  }

  @Test
  void aNamedFileThatIsNotThereIsNoBrowser(@TempDir Path dir) {
    assertThat(PlaywrightConnection.findBrowser(BrowserOptions.defaults().executable(dir.resolve("missing"))))
        .isEmpty();
  }
}
