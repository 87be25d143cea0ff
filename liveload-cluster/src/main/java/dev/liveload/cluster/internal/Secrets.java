package dev.liveload.cluster.internal;

import dev.liveload.InvalidOptionException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared secret comes from: given, a file, or {@code LIVELOAD_CLUSTER_SECRET}; required off loopback. */
public final class Secrets {
  /** The environment variable holding the secret. */
  public static final String ENV = "LIVELOAD_CLUSTER_SECRET";

  private Secrets() {}

  public static byte[] resolve(String explicit, Path file, String bind) {
    String secret = explicit;
    if (secret == null && file != null) {
      try {
        secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new InvalidOptionException("secretFile", file, "must be a readable file (" + e.getMessage() + ")");
      }
      if (secret.isEmpty()) {
        throw new InvalidOptionException("secretFile", file, "must not be empty");
      }
    }
    if (secret == null) {
      secret = System.getenv(ENV);
    }
    if (secret == null || secret.isEmpty()) {
      if (!loopback(bind)) {
        throw new InvalidOptionException("secret", "none", "a shared secret is required when binding to " + bind
            + ": set " + ENV + " or pass a secret file (anyone who reaches the port could otherwise start load)");
      }
      return new byte[0];
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  static boolean loopback(String bind) {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
