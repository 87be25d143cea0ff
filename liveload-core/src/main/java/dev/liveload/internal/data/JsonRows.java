package dev.liveload.internal.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.liveload.internal.json.ResultJson;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the objects of a JSON array one at a time (Jackson's streaming parser, so the file is never loaded
 * whole), knowing the byte offset where each object starts. Strings are taken as they are, numbers and booleans
 * as text, nested arrays and objects as JSON text; null fields are left out.
 */
final class JsonRows implements Closeable {
  private final JsonParser parser;
  private final String source;
  private final long baseOffset;
  private long element;
  private long recordOffset = -1;

  /**
   * @param in         the bytes
   * @param source     the file name, for messages
   * @param baseOffset the byte offset of {@code in}'s first byte in the file
   * @param array      true to read the elements of an array that starts here; false to read one object
   */
  JsonRows(InputStream in, String source, long baseOffset, boolean array) throws IOException {
    this.parser = ResultJson.mapper().getFactory().createParser(in);
    this.source = source;
    this.baseOffset = baseOffset;
    if (array) {
      JsonToken t = token();
      if (t != JsonToken.START_ARRAY) {
        throw new FeederException(source + ": a JSON feeder file must hold an array of objects, it starts with "
            + (t == null ? "nothing" : t.asString() == null ? t.name() : t.asString()));
      }
    }
  }

  /** @return the next object's fields, or null at the end of the array */
  Map<String, String> next() throws IOException {
    JsonToken t = token();
    if (t == null || t == JsonToken.END_ARRAY) {
      return null;
    }
    element++;
    recordOffset = baseOffset + parser.currentTokenLocation().getByteOffset();
    if (t != JsonToken.START_OBJECT) {
      throw new FeederException(where() + " is not an object");
    }
    JsonNode node;
    try {
      node = ResultJson.mapper().readTree(parser);
    } catch (JsonProcessingException e) {
      throw new FeederException(where() + ": " + e.getOriginalMessage());
    }
    var row = new LinkedHashMap<String, String>();
    for (var f : node.properties()) {
      JsonNode v = f.getValue();
      if (!v.isNull()) {
        row.put(f.getKey(), v.isValueNode() ? v.asText() : v.toString());
      }
    }
    return Collections.unmodifiableMap(row);
  }

  private JsonToken token() throws IOException {
    try {
      return parser.nextToken();
    } catch (JsonProcessingException e) {
      throw new FeederException(source + " element " + (element + 1) + ": " + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr());
    }
  }

  /** @return the byte offset where the last object starts */
  long recordOffset() {
    return recordOffset;
  }

  /** @return where the last object is, for messages */
  String where() {
    return source + " element " + element;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
