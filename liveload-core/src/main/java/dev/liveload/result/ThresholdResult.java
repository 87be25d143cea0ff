package dev.liveload.result;

/**
 * The verdict on one threshold expression.
 *
 * <pre>{@code
 * for (ThresholdResult t : result.thresholds()) {
 *   System.out.println((t.passed() ? "PASS " : "FAIL ") + t.expression() + "  observed " + t.observedText());
 * }
 * }</pre>
 *
 * @param expression   the expression as written, e.g. {@code p95(http.duration) < 300ms}
 * @param passed       whether it held
 * @param observed     the observed value, in {@code unit}; NaN is written as 0 with {@code observedText} "n/a"
 * @param unit         unit of {@code observed} ({@code ms}, {@code ratio}, {@code /s}, or empty for counts)
 * @param observedText the observed value as people read it, e.g. {@code 312.4ms} or {@code 1.2%}
 * @param detail       what was compared, and when it first failed if it did; never null
 * @since 0.1
 */
public record ThresholdResult(
    String expression, boolean passed, double observed, String unit, String observedText, String detail) {}
