package dev.liveload.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The git labels of the run at hand: {@code commit}, {@code branch} and {@code tag}, from the CI's variables when it
 * sets them (GitHub Actions, GitLab CI, Jenkins, CircleCI, Buildkite, Travis CI, Azure Pipelines, Bitbucket), else
 * from {@code git} in the working directory. A label that cannot be known is left out; this never fails (no git,
 * not a repository, a detached head, a slow {@code git}: each just gives fewer labels).
 *
 * <pre>{@code
 * history.add(result, GitLabels.detect());      // e.g. {commit=3f2a9c1…, branch=main}
 * }</pre>
 *
 * @since 0.1
 */
public final class GitLabels {
  /** Label for the commit id (full hash). */
  public static final String COMMIT = "commit";
  /** Label for the branch. */
  public static final String BRANCH = "branch";
  /** Label for the tag, when the commit is a tag's. */
  public static final String TAG = "tag";

  /** Per CI: commit, branch and tag variables, first set wins. */
  private static final List<String> COMMIT_VARS = List.of("GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT",
      "CIRCLE_SHA1", "BUILDKITE_COMMIT", "TRAVIS_COMMIT", "BUILD_SOURCEVERSION", "BITBUCKET_COMMIT");
  private static final List<String> BRANCH_VARS = List.of("GITHUB_HEAD_REF", "CI_COMMIT_BRANCH",
      "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "BRANCH_NAME", "GIT_BRANCH", "CIRCLE_BRANCH", "BUILDKITE_BRANCH",
      "TRAVIS_BRANCH", "BUILD_SOURCEBRANCHNAME", "BITBUCKET_BRANCH");
  private static final List<String> TAG_VARS = List.of("CI_COMMIT_TAG", "TAG_NAME", "CIRCLE_TAG", "BUILDKITE_TAG",
      "TRAVIS_TAG", "BITBUCKET_TAG");

  private GitLabels() {}

  /**
   * The labels of this process: its environment, then {@code git} in the current directory.
   *
   * @return commit, branch and tag where known; never null
   */
  public static Map<String, String> detect() {
    return detect(System.getenv(), Path.of("").toAbsolutePath());
  }

  /**
   * The labels from an environment and a working directory.
   *
   * @param env       environment variables
   * @param directory where to ask {@code git}
   * @return commit, branch and tag where known; never null
   */
  public static Map<String, String> detect(Map<String, String> env, Path directory) {
    var labels = new LinkedHashMap<String, String>();
    String commit = first(env, COMMIT_VARS);
    String branch = first(env, BRANCH_VARS);
    String tag = first(env, TAG_VARS);
    if ("tag".equals(env.get("GITHUB_REF_TYPE"))) {
      tag = tag != null ? tag : blankToNull(env.get("GITHUB_REF_NAME"));
    } else if (branch == null) {
      branch = blankToNull(env.get("GITHUB_REF_NAME"));
    }
    if (branch != null && branch.startsWith("origin/")) {
      branch = branch.substring("origin/".length()); // Jenkins' GIT_BRANCH
    }
    if (commit == null) {
      commit = git(directory, "rev-parse", "HEAD");
      if (commit != null) {
        if (branch == null) {
          String b = git(directory, "rev-parse", "--abbrev-ref", "HEAD");
          branch = "HEAD".equals(b) ? null : b; // detached
        }
        if (tag == null) {
          tag = git(directory, "describe", "--tags", "--exact-match", "HEAD");
        }
      }
    }
    put(labels, COMMIT, commit);
    put(labels, BRANCH, branch);
    put(labels, TAG, tag);
    return labels;
  }

  private static void put(Map<String, String> labels, String key, String value) {
    if (value != null && value.length() <= 256 && value.indexOf('\n') < 0) {
      labels.put(key, value);
    }
  }

  private static String first(Map<String, String> env, List<String> names) {
    for (String n : names) {
      String v = blankToNull(env.get(n));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** One line git prints, or null when git is missing, fails, or takes more than 5 s. */
  private static String git(Path directory, String... args) {
    var command = new java.util.ArrayList<String>();
    command.add("git");
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException | RuntimeException noGit) {
      return null;
    }
    try {
      p.getOutputStream().close();
      if (!p.waitFor(5, TimeUnit.SECONDS)) { // its few bytes of output fit in the pipe: it never waits on us
        p.destroyForcibly();
        return null;
      }
      byte[] out = p.getInputStream().readNBytes(4096);
      return p.exitValue() == 0 ? blankToNull(new String(out, StandardCharsets.UTF_8)) : null;
    } catch (IOException e) {
      p.destroyForcibly();
      return null;
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
