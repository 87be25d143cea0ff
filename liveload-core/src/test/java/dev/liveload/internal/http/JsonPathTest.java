package dev.liveload.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class JsonPathTest {
  private static final JsonNode DOC = JsonPath.parse("""
      {"token":"t-1","n":3,"ok":true,"none":null,"user":{"name":"Ann","roles":["a","admin"]},
       "items":[{"id":7,"tags":[]},{"id":8,"sku":"x"}],"odd key":{"v":1}}""");

  private static String eval(String path) {
    return JsonPath.compile(path).first(DOC);
  }

  @Test
  void evaluatesTheSupportedSyntax() {
    assertThat(eval("$.token")).isEqualTo("t-1");
    assertThat(eval("$.n")).isEqualTo("3");
    assertThat(eval("$.ok")).isEqualTo("true");
    assertThat(eval("$.none")).isEqualTo("null");
    assertThat(eval("$.user.roles[1]")).isEqualTo("admin");
    assertThat(eval("$.user.roles[-1]")).isEqualTo("admin");
    assertThat(eval("$.items[*].sku")).isEqualTo("x");
    assertThat(eval("$..sku")).isEqualTo("x");
    assertThat(eval("$['odd key'].v")).isEqualTo("1");
    assertThat(eval("$.user")).isEqualTo("{\"name\":\"Ann\",\"roles\":[\"a\",\"admin\"]}");
    assertThat(eval("$.items[0].tags")).isEqualTo("[]");
    assertThat(eval("$.missing")).isNull();
    assertThat(eval("$.items[5].id")).isNull();
    assertThat(eval("$.token.deeper")).isNull();
  }

  @Test
  void rejectsInvalidPathsWithThePosition() {
    assertThatThrownBy(() -> JsonPath.compile("token")).hasMessageContaining("must start with $");
    assertThatThrownBy(() -> JsonPath.compile("$.a[1")).hasMessageContaining("at position 3");
    assertThatThrownBy(() -> JsonPath.compile("$.a[x]")).hasMessageContaining("expected an index");
    assertThatThrownBy(() -> JsonPath.compile("$..")).hasMessageContaining("expected a name");
  }
}
