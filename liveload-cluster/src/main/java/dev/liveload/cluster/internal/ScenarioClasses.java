package dev.liveload.cluster.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints of a run's scenario classes, so that a worker runs only the code the controller was given: each
 * class's fingerprint is the SHA-256 (first 16 hex digits) of its class file and those of its own superclasses
 * up to {@code dev.liveload.Scenario} (a scenario's own base classes). The controller signs them into the plan; a worker whose classes
 * hash otherwise refuses the plan, naming the class, both fingerprints and where its copy came from.
 */
public final class ScenarioClasses {
  private ScenarioClasses() {}

  /** Fingerprints by class name, in the given order. */
  public static Map<String, String> fingerprints(List<Class<?>> classes) {
    var out = new LinkedHashMap<String, String>();
    for (Class<?> c : classes) {
      out.putIfAbsent(c.getName(), fingerprint(c));
    }
    return out;
  }

  /** A class's fingerprint, or {@code unreadable} when its class file cannot be read. */
  public static String fingerprint(Class<?> type) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Class<?> c = type; c != null && c != dev.liveload.Scenario.class && c != Object.class;
          c = c.getSuperclass()) {
        sha.update(c.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update(bytes(c));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException | IOException e) {
      return "unreadable";
    }
  }

  private static byte[] bytes(Class<?> c) throws IOException {
    String resource = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
    try (InputStream in = c.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no class file for " + c.getName());
      }
      return in.readAllBytes();
    }
  }

  /** Where a class was loaded from (its jar or directory), for messages. */
  static String origin(Class<?> c) {
    var source = c.getProtectionDomain().getCodeSource();
    return source == null || source.getLocation() == null ? "unknown" : source.getLocation().toString();
  }

  /**
   * Compares the controller's fingerprints with this worker's classes.
   *
   * @return null when they all match (or the plan carries none: an older controller), else why not
   */
  static String mismatch(Map<String, String> expected, ClassLoader loader) {
    if (expected == null || expected.isEmpty()) {
      return null;
    }
    var problems = new ArrayList<String>();
    for (var e : expected.entrySet()) {
      Class<?> c;
      try {
        c = Class.forName(e.getKey(), false, loader);
      } catch (ClassNotFoundException | LinkageError ex) {
        problems.add(e.getKey() + " is not on this worker's class path (the controller's is " + e.getValue() + ")");
        continue;
      }
      String here = fingerprint(c);
      if (!here.equals(e.getValue())) {
        problems.add(e.getKey() + " is " + here + " here (from " + origin(c) + "), " + e.getValue()
            + " at the controller");
      }
    }
    return problems.isEmpty() ? null : "scenario classes differ from the controller's: " + String.join("; ", problems)
        + ". Start every worker with the same build of the scenarios as the controller (one jar of the test "
        + "classes and their dependencies); no load started";
  }
}
