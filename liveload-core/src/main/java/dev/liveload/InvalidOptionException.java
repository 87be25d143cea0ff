package dev.liveload;

/**
 * A run option (or load model, or scenario setting) was out of range. Thrown before any load starts; the
 * message names the option, the value given and what is allowed.
 *
 * <pre>{@code
 * Load.constant(0, ofSeconds(10));
 * // InvalidOptionException: load.users = 0 is not allowed: must be >= 1
 * }</pre>
 *
 * @since 0.1
 */
public class InvalidOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String option;

  /**
   * @param option  the option's name as a user writes it, e.g. {@code "load.users"}
   * @param value   the value given (may be null)
   * @param allowed what is allowed, e.g. {@code "must be >= 1"}
   */
  public InvalidOptionException(String option, Object value, String allowed) {
    super(option + " = " + value + " is not allowed: " + allowed);
    this.option = option;
  }

  /** @return the name of the offending option */
  public String option() {
    return option;
  }

  static int atLeast(String option, int value, int min) {
    if (value < min) {
      throw new InvalidOptionException(option, value, "must be >= " + min);
    }
    return value;
  }

  static java.time.Duration positive(String option, java.time.Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new InvalidOptionException(option, value, "must be a duration > 0");
    }
    return value;
  }

  static java.time.Duration notNegative(String option, java.time.Duration value) {
    if (value == null || value.isNegative()) {
      throw new InvalidOptionException(option, value, "must be a duration >= 0");
    }
    return value;
  }
}
