package dev.liveload.browser.playwright.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ActionsTest {
  @Test
  void globsMatchLikePlaywrights() {
    Pattern p = Pattern.compile(Actions.globToRegex("**/account?first=1"));
    assertThat(p.matcher("http://127.0.0.1:8080/account?first=1").find()).isTrue();
    assertThat(p.matcher("http://127.0.0.1:8080/account?first=12").find()).isFalse();
    Pattern star = Pattern.compile(Actions.globToRegex("http://host/*/edit"));
    assertThat(star.matcher("http://host/42/edit").find()).isTrue();
    assertThat(star.matcher("http://host/a/b/edit").find()).isFalse();
    assertThat(Pattern.compile(Actions.globToRegex("http://h/a.b")).matcher("http://h/aXb").find()).isFalse();
  }
}
