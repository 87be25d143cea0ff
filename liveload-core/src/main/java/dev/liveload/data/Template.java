package dev.liveload.data;

import dev.liveload.InvalidOptionException;
import dev.liveload.User;
import dev.liveload.internal.data.Templates;
import dev.liveload.internal.engine.UserContext;
import java.util.List;

/**
 * Text with {@code {{name}}} placeholders, the way LiveLoad expands them in request URLs, headers and bodies and
 * in WebSocket URLs, headers and messages. Use it to check a template early or to expand one in your own code
 * (a browser step's input, a log line). Immutable.
 *
 * <pre>{@code
 * Template t = Template.of("/users/{{email}}/orders?n={{random_int:1:5}}");   // syntax checked here
 * String url = t.render(user);                                                  // "/users/ann@x.org/orders?n=3"
 * }</pre>
 *
 * <p>Placeholders:
 * <ul>
 *   <li>{@code {{name}}}: a user variable ({@link User#set}, or stored by an extraction), else a column of one of
 *       the user's feeders (drawing its row if the iteration has none yet), else a builtin;</li>
 *   <li>{@code {{uuid}}}: a random UUID (not seeded: unique across runs); {@code {{timestamp}}}: epoch
 *       milliseconds;</li>
 *   <li>{@code {{random_int:LO:HI}}}: a whole number in [LO, HI]; {@code {{random_string:N}}}: N letters and
 *       digits; both from the user's generator, seeded by the run's seed;</li>
 *   <li><code>\{{</code>: a literal <code>{{</code>.</li>
 * </ul>
 * A name that resolves to nothing fails the iteration with kind {@code template} and a message naming it; the
 * text is never sent with a literal placeholder in it.
 *
 * @since 0.1
 */
public final class Template {
  private final String text;
  private final List<String> names;

  private Template(String text, List<String> names) {
    this.text = text;
    this.names = names;
  }

  /**
   * @param text the template, not null
   * @return the template
   * @throws InvalidOptionException on bad syntax (an unclosed {@code {{}, a bad name or builtin argument)
   */
  public static Template of(String text) {
    if (text == null) {
      throw new InvalidOptionException("template", null, "must not be null");
    }
    try {
      return new Template(text, List.copyOf(Templates.check(text)));
    } catch (Templates.TemplateException e) {
      throw new InvalidOptionException("template", text, e.getMessage());
    }
  }

  /** @return the names it refers to (builtins included), in order, never null */
  public List<String> names() {
    return names;
  }

  /**
   * Expands it for a user.
   *
   * @param user the virtual user (its variables, feeder rows and generator)
   * @return the text with every placeholder replaced
   * @throws dev.liveload.IterationFailedException kind {@code template} when a name resolves to nothing
   */
  public String render(User user) {
    if (!(user instanceof UserContext context)) {
      throw new IllegalArgumentException("render needs a LiveLoad virtual user, got " + user);
    }
    return context.render(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
