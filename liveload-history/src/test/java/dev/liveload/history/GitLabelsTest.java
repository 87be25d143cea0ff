package dev.liveload.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git labels from CI variables, from a real git repository, and from nowhere. */
class GitLabelsTest {
  @TempDir
  Path tmp;

  @Test
  void fromTheVariablesOfCommonCis() {
    Path notARepository = tmp;
    assertThat(GitLabels.detect(Map.of("GITHUB_SHA", "abc123", "GITHUB_REF_NAME", "main", "GITHUB_REF_TYPE",
        "branch"), notARepository)).containsExactly(Map.entry("commit", "abc123"), Map.entry("branch", "main"));
    assertThat(GitLabels.detect(Map.of("GITHUB_SHA", "abc123", "GITHUB_REF_NAME", "12/merge", "GITHUB_HEAD_REF",
        "feature/cart"), notARepository)).containsEntry("branch", "feature/cart");
    assertThat(GitLabels.detect(Map.of("GITHUB_SHA", "abc123", "GITHUB_REF_NAME", "v1.2.0", "GITHUB_REF_TYPE",
        "tag"), notARepository)).containsExactly(Map.entry("commit", "abc123"), Map.entry("tag", "v1.2.0"));
    assertThat(GitLabels.detect(Map.of("CI_COMMIT_SHA", "def456", "CI_COMMIT_BRANCH", "main"), notARepository))
        .containsExactly(Map.entry("commit", "def456"), Map.entry("branch", "main"));
    assertThat(GitLabels.detect(Map.of("GIT_COMMIT", "0a1b", "GIT_BRANCH", "origin/release"), notARepository))
        .containsEntry("branch", "release");
  }

  @Test
  void fromGitInTheWorkingDirectory() throws Exception {
    git("init", "-q", "-b", "trunk");
    Files.writeString(tmp.resolve("a.txt"), "a");
    git("add", "a.txt");
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first");
    git("tag", "v0.1");
    Map<String, String> labels = GitLabels.detect(Map.of(), tmp);
    assertThat(labels.get("commit")).matches("[0-9a-f]{40}");
    assertThat(labels).containsEntry("branch", "trunk").containsEntry("tag", "v0.1");
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "second");
    git("checkout", "-q", "--detach");
    assertThat(GitLabels.detect(Map.of(), tmp)).containsOnlyKeys("commit"); // detached, and not at the tag
  }

  @Test
  void fromNowhereItGivesNoLabelsAndNeverFails() {
    assertThat(GitLabels.detect(Map.of(), tmp)).isEmpty();
    assertThat(GitLabels.detect(Map.of(), tmp.resolve("missing"))).isEmpty();
  }

  private void git(String... args) throws IOException, InterruptedException {
    var command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
  }
}
