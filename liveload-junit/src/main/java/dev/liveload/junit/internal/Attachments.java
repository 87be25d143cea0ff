package dev.liveload.junit.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Attaches a load test's files to the test in the JUnit Platform's reports with {@code ExtensionContext.publishFile},
 * where the JUnit in use has it: 5.12 and 5.13 take an {@code org.junit.jupiter.api.extension.MediaType}, 5.14 and 6
 * an {@code org.junit.jupiter.api.MediaType}, and 5.10 and 5.11 have no such method (then nothing is attached). The
 * method is looked up by reflection, so that this extension links against every JUnit from 5.10 on. JUnit copies an
 * attached file into its reporting directory ({@code junit.platform.reporting.output.dir}; by default
 * {@code target/junit-jupiter/...} in a Maven build); configuration parameter {@code liveload.publishFiles=false}
 * turns attaching off. The file under {@code target/liveload} is written in any case.
 */
public final class Attachments {
  /** The configuration parameter (or system property) that turns attaching off when {@code false}. */
  public static final String PUBLISH_FILES = "liveload.publishFiles";

  private static final Method PUBLISH_FILE;
  private static final Method MEDIA_TYPE;

  static {
    Method publish = null;
    Method mediaType = null;
    for (String type : List.of("org.junit.jupiter.api.MediaType", "org.junit.jupiter.api.extension.MediaType")) {
      try {
        Class<?> c = Class.forName(type, false, ExtensionContext.class.getClassLoader());
        publish = ExtensionContext.class.getMethod("publishFile", String.class, c, ThrowingConsumer.class);
        mediaType = c.getMethod("parse", String.class);
        break;
      } catch (ReflectiveOperationException | LinkageError notInThisJUnit) {
        publish = null;
        mediaType = null;
      }
    }
    PUBLISH_FILE = publish;
    MEDIA_TYPE = mediaType;
  }

  private Attachments() {}

  /**
   * Attaches a copy of {@code file} to the current test, when the JUnit in use can and the launcher keeps outputs;
   * otherwise does nothing (the file itself stays where it is).
   *
   * @param context   the test's context
   * @param file      the file
   * @param mediaType its media type, e.g. {@code text/html}
   */
  public static void publish(ExtensionContext context, Path file, String mediaType) {
    if (PUBLISH_FILE == null
        || context.getConfigurationParameter(PUBLISH_FILES).map("false"::equalsIgnoreCase).orElse(false)) {
      return;
    }
    ThrowingConsumer<Path> copy = target -> Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    try {
      PUBLISH_FILE.invoke(context, file.getFileName().toString(), MEDIA_TYPE.invoke(null, mediaType), copy);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error && !(cause instanceof LinkageError)) {
        throw error;
      }
      // the launcher keeps no outputs, or the engine is older than the API (a JUnit of mixed versions): nothing lost
    } catch (ReflectiveOperationException | LinkageError e) {
      // as above
    }
  }
}
