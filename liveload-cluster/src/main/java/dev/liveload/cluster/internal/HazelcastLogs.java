package dev.liveload.cluster.internal;

import com.hazelcast.logging.AbstractLogger;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.LogEvent;
import com.hazelcast.logging.LoggerFactorySupport;
import com.hazelcast.logging.Slf4jFactory;
import java.util.Locale;
import java.util.logging.Level;

/**
 * Hazelcast's logs through SLF4J, at WARN and above unless asked otherwise, so that a run's console shows
 * LiveLoad's lines rather than Hazelcast's banner, member tables and shutdown sequence. The threshold is the system
 * property {@code liveload.hazelcast.log} (a level: {@code info}, {@code debug}, {@code warn}, ...), else
 * {@code org.slf4j.simpleLogger.log.com.hazelcast} (slf4j-simple's own setting), else {@code warn}; the SLF4J
 * binding's own level applies on top. Setting {@code hazelcast.logging.type} or {@code hazelcast.logging.class}
 * yourself bypasses this class altogether.
 */
public final class HazelcastLogs extends LoggerFactorySupport {
  private final Slf4jFactory slf4j = new Slf4jFactory();
  private final Level threshold = threshold();

  /** Makes Hazelcast log through this class unless the JVM already chose its Hazelcast logging. */
  static void install() {
    if (System.getProperty("hazelcast.logging.class") == null && System.getProperty("hazelcast.logging.type") == null) {
      System.setProperty("hazelcast.logging.class", HazelcastLogs.class.getName());
    }
  }

  static Level threshold() {
    String level = System.getProperty("liveload.hazelcast.log",
        System.getProperty("org.slf4j.simpleLogger.log.com.hazelcast", "warn"));
    return switch (level.trim().toLowerCase(Locale.ROOT)) {
      case "trace", "finest", "all" -> Level.FINEST;
      case "debug", "fine", "finer" -> Level.FINE;
      case "info" -> Level.INFO;
      case "error", "severe" -> Level.SEVERE;
      case "off" -> Level.OFF;
      default -> Level.WARNING;
    };
  }

  /**
   * Hazelcast's warnings that a member went away ("Removing connection to endpoint ... Connection refused", "...
   * is suspected to be dead"), which it logs even when the member left in good order (a controller at the end of
   * its run, a worker stopped with Ctrl-C). LiveLoad tells of members leaving itself, once, in its own words (and
   * warns when a worker leaves during a run, or the controller while a worker runs), so these are logged at INFO.
   */
  static Level level(String logger, Level level, String message) {
    if (level == Level.WARNING && message != null
        && (logger.endsWith(".TcpServerConnectionErrorHandler") && message.contains("Removing connection to endpoint")
        || logger.endsWith(".MembershipManager") && message.contains("is suspected to be dead"))) {
      return Level.INFO;
    }
    return level;
  }

  @Override
  protected ILogger createLogger(String name) {
    ILogger target = slf4j.getLogger(name);
    return new AbstractLogger() {
      @Override
      public void log(Level level, String message) {
        Level l = level(name, level, message);
        if (isLoggable(l)) {
          target.log(l, message);
        }
      }

      @Override
      public void log(Level level, String message, Throwable thrown) {
        Level l = level(name, level, message);
        if (isLoggable(l)) {
          target.log(l, message, thrown);
        }
      }

      @Override
      public void log(LogEvent event) {
        var record = event.getLogRecord();
        Level l = level(name, record.getLevel(), record.getMessage());
        if (isLoggable(l)) {
          if (l != record.getLevel()) {
            target.log(l, record.getMessage(), record.getThrown());
          } else {
            target.log(event);
          }
        }
      }

      @Override
      public Level getLevel() {
        Level own = target.getLevel();
        return own == null || own.intValue() < threshold.intValue() ? threshold : own;
      }

      @Override
      public boolean isLoggable(Level level) {
        return level.intValue() >= threshold.intValue() && threshold != Level.OFF && target.isLoggable(level);
      }
    };
  }
}
