package dev.liveload.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.liveload.result.Measurement;
import dev.liveload.result.RunResult;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** JSON for {@link RunResult}: the only place that knows Jackson's configuration for results. */
public final class ResultJson {
  private static final ObjectMapper MAPPER = build();
  private static final ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private ResultJson() {}

  /** The shared mapper (thread-safe once configured). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Compact JSON, for request bodies. */
  public static byte[] compactBytes(Object value) throws JsonProcessingException {
    return COMPACT.writeValueAsBytes(value);
  }

  private static ObjectMapper build() {
    var instants = new SimpleModule("liveload-instants");
    instants.addSerializer(Instant.class, new JsonSerializer<>() {
      @Override
      public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(value.toString());
      }
    });
    instants.addDeserializer(Instant.class, new JsonDeserializer<>() {
      @Override
      public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        try {
          return Instant.parse(p.getValueAsString());
        } catch (DateTimeParseException e) {
          throw ctxt.weirdStringException(p.getValueAsString(), Instant.class, "expected an ISO-8601 instant");
        }
      }
    });
    var printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return JsonMapper.builder()
        .addModule(instants)
        .addMixIn(RunResult.class, RunResultMixin.class)
        .addMixIn(dev.liveload.result.GeneratorHealth.class, GeneratorHealthMixin.class)
        .addMixIn(dev.liveload.result.NodeResult.class, NodeResultMixin.class)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .defaultPrettyPrinter(printer)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();
  }

  /**
   * Leaves {@code nodes} and {@code measurements} out when empty, so results of runs in one JVM, or without
   * measurement declarations, keep writing exactly as older files.
   */
  private abstract static class RunResultMixin {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract java.util.List<dev.liveload.result.NodeResult> nodes();

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract Map<String, Measurement> measurements();
  }

  /**
   * Leaves {@code cold} out when false and {@code workers} when null, so results of one warm generator write exactly
   * as older files.
   */
  private abstract static class GeneratorHealthMixin {
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    abstract Boolean cold();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract Integer workers();

    @com.fasterxml.jackson.annotation.JsonIgnore
    abstract boolean merged();
  }

  /** Leaves {@code firstActionSkewMillis} out when unknown (a node that ran no action). */
  private abstract static class NodeResultMixin {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract Double firstActionSkewMillis();
  }

  /** Pretty-printed JSON with a trailing newline. */
  public static String write(RunResult result) {
    try {
      return MAPPER.writeValueAsString(result) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not serialize result: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads and checks the schema. */
  public static RunResult read(String json) {
    RunResult result;
    try {
      var tree = MAPPER.readTree(json);
      if (tree == null || !tree.isObject()) {
        throw new IllegalArgumentException("not a LiveLoad result: expected a JSON object");
      }
      var schema = tree.path("schema").asText("");
      if (!RunResult.SCHEMA.equals(schema)) {
        throw new IllegalArgumentException("not a LiveLoad result this version can read: schema is '" + schema
            + "', expected '" + RunResult.SCHEMA + "'");
      }
      result = MAPPER.treeToValue(tree, RunResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a valid LiveLoad result: " + e.getOriginalMessage(), e);
    }
    return result;
  }
}
