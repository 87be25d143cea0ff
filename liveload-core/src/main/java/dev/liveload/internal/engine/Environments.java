package dev.liveload.internal.engine;

import dev.liveload.result.Environment;
import java.net.InetAddress;

/** Describes the generator JVM and host. */
public final class Environments {
  private Environments() {}

  public static Environment current() {
    String version = Environments.class.getPackage().getImplementationVersion();
    return new Environment(version == null ? "0.1.0-SNAPSHOT" : version, System.getProperty("java.version"),
        System.getProperty("java.vendor"), System.getProperty("os.name") + " " + System.getProperty("os.version")
        + " " + System.getProperty("os.arch"), host(), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory());
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      String env = System.getenv("HOSTNAME");
      return env == null ? "unknown" : env;
    }
  }
}
