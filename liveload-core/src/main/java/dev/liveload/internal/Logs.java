package dev.liveload.internal;

import java.io.PrintStream;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * LiveLoad's loggers. LiveLoad logs through SLF4J; in a project with no SLF4J provider (no binding such as
 * slf4j-simple or logback-classic) SLF4J would print three "No SLF4J providers were found" warnings at the first
 * logger anyone asks for and then drop every message. Instead, when there is no provider, LiveLoad binds SLF4J's
 * no-operation logger silently (so that no library in the run prints those warnings on its behalf), drops its own
 * debug and info messages, and prints its own warnings and errors to stderr, the first of them with one line that
 * says what to add. A run that goes well prints nothing.
 */
public final class Logs {
  static final String HINT = "LiveLoad: no SLF4J provider is on the class path, so LiveLoad prints only its warnings "
      + "and errors, here; add one (for example org.slf4j:slf4j-simple, in test scope) to see its whole log";
  private static final boolean PROVIDED = hasProvider(LoggerFactory.class.getClassLoader());
  private static final AtomicBoolean HINTED = new AtomicBoolean();

  static {
    if (!PROVIDED) {
      bindQuietly();
    }
  }

  private Logs() {}

  /**
   * @param type the class that logs
   * @return its logger
   */
  public static Logger get(Class<?> type) {
    return PROVIDED ? LoggerFactory.getLogger(type) : new StderrLogger(type.getName(), System.err);
  }

  /**
   * @param name the logger's name
   * @return the logger
   */
  public static Logger get(String name) {
    return PROVIDED ? LoggerFactory.getLogger(name) : new StderrLogger(name, System.err);
  }

  /**
   * Whether SLF4J will find a provider, looked up as SLF4J 2 does (the {@code slf4j.provider} system property, or a
   * {@link SLF4JServiceProvider} service), without initializing it. An SLF4J 1.7 binding counts as one, so that
   * SLF4J itself says that it ignores it.
   */
  static boolean hasProvider(ClassLoader loader) {
    if (System.getProperty("slf4j.provider") != null
        || loader.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null) {
      return true;
    }
    try {
      return ServiceLoader.load(SLF4JServiceProvider.class, loader).stream().findAny().isPresent();
    } catch (ServiceConfigurationError broken) {
      return true; // SLF4J will report it
    }
  }

  /**
   * Lets SLF4J settle on its no-operation logger now, with its internal reporting turned down for that moment
   * (unless the user chose a verbosity), so that it does not warn about the missing provider.
   */
  private static void bindQuietly() {
    String key = "slf4j.internal.verbosity";
    boolean set = System.getProperty(key) == null;
    if (set) {
      System.setProperty(key, "ERROR");
    }
    try {
      LoggerFactory.getILoggerFactory();
    } finally {
      if (set) {
        System.clearProperty(key);
      }
    }
  }

  /** Warnings and errors to a stream, debug and info dropped: LiveLoad's own logging without an SLF4J provider. */
  static final class StderrLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final transient PrintStream out;

    StderrLogger(String name, PrintStream out) {
      this.name = name;
      this.out = out;
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return false;
    }

    @Override
    public boolean isInfoEnabled() {
      return false;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
        Throwable throwable) {
      String text = MessageFormatter.basicArrayFormat(pattern, arguments);
      String logger = name.substring(name.lastIndexOf('.') + 1);
      synchronized (out) {
        if (HINTED.compareAndSet(false, true)) {
          out.println(HINT);
        }
        out.println("LiveLoad " + level + " " + logger + ": " + text);
        if (throwable != null) {
          throwable.printStackTrace(out);
        }
      }
    }
  }
}
