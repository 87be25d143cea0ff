package dev.liveload.history.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON for a {@code <script type="application/json">} element: {@code < > &} and the line separators U+2028/U+2029
 * are written as {@code \}{@code u003c}-style escapes, so that text such as {@code </script>} in a run name cannot
 * end the element.
 */
public final class ScriptJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    JSON.getFactory().setCharacterEscapes(new CharacterEscapes() {
      private static final long serialVersionUID = 1L;
      private final int[] escapes;

      {
        int[] e = CharacterEscapes.standardAsciiEscapesForJSON();
        e['<'] = CharacterEscapes.ESCAPE_STANDARD;
        e['>'] = CharacterEscapes.ESCAPE_STANDARD;
        e['&'] = CharacterEscapes.ESCAPE_STANDARD;
        escapes = e;
      }

      @Override
      public int[] getEscapeCodesForAscii() {
        return escapes;
      }

      @Override
      public SerializableString getEscapeSequence(int ch) {
        return ch == 0x2028 || ch == 0x2029
            ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch)) : null;
      }
    });
  }

  private ScriptJson() {}

  /**
   * @param value maps, lists, strings, numbers (use null, not NaN, for a gap), booleans
   * @return its JSON, safe inside a script element
   */
  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the trend data as JSON: " + e.getMessage(), e);
    }
  }
}
