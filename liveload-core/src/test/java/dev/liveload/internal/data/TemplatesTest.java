package dev.liveload.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  private static Templates.Scope scope(Map<String, String> values, long seed) {
    var random = new SplittableRandom(seed);
    return new Templates.Scope() {
      @Override
      public String value(String name) {
        return values.get(name);
      }

      @Override
      public String known() {
        return "variables: " + String.join(", ", new java.util.TreeSet<>(values.keySet()));
      }

      @Override
      public RandomGenerator random() {
        return random;
      }
    };
  }

  @Test
  void namesAreReplacedAndTextWithoutPlaceholdersIsReturnedAsItIs() {
    var s = scope(Map.of("id", "42", "email", "ann@example.org"), 1);
    String plain = "/orders?x={a}}";
    assertThat(Templates.render(plain, s, false)).isSameAs(plain);
    assertThat(Templates.render("/users/{{email}}/orders/{{ id }}", s, false))
        .isEqualTo("/users/ann@example.org/orders/42");
    assertThat(Templates.render("{{id}}{{id}}", s, false)).isEqualTo("4242");
    assertThat(Templates.render("a \\{{id}} b", s, false)).isEqualTo("a {{id}} b");
  }

  @Test
  void builtins() {
    var s = scope(Map.of(), 7);
    String uuid = Templates.render("{{uuid}}", s, false);
    assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(Templates.render("{{uuid}}", s, false)).isNotEqualTo(uuid);
    long before = System.currentTimeMillis();
    long ts = Long.parseLong(Templates.render("{{timestamp}}", s, false));
    assertThat(ts).isBetween(before, System.currentTimeMillis());
    for (int i = 0; i < 200; i++) {
      assertThat(Long.parseLong(Templates.render("{{random_int:1:3}}", s, false))).isBetween(1L, 3L);
      assertThat(Templates.render("{{random_string:8}}", s, false)).matches("[A-Za-z0-9]{8}");
    }
    assertThat(Templates.render("{{random_int:5:5}}", s, false)).isEqualTo("5");
    // seeded: the same seed gives the same values
    assertThat(Templates.render("{{random_int:1:1000000}} {{random_string:12}}", scope(Map.of(), 99), false))
        .isEqualTo(Templates.render("{{random_int:1:1000000}} {{random_string:12}}", scope(Map.of(), 99), false));
    // a variable named like a builtin wins
    assertThat(Templates.render("{{timestamp}}", scope(Map.of("timestamp", "t0"), 1), false)).isEqualTo("t0");
  }

  @Test
  void jsonValuesAreEscaped() {
    var s = scope(Map.of("name", "say \"hi\"\\\n"), 1);
    assertThat(Templates.render("{\"n\":\"{{name}}\"}", s, true)).isEqualTo("{\"n\":\"say \\\"hi\\\"\\\\\\n\"}");
  }

  @Test
  void anUnknownNameFailsNamingIt() {
    var s = scope(Map.of("token", "t"), 1);
    assertThatThrownBy(() -> Templates.render("/orders/{{orderId}}", s, false))
        .isInstanceOf(Templates.TemplateException.class)
        .hasMessage("no variable or feeder column named \"orderId\" (variables: token)");
  }

  @Test
  void badSyntaxIsReported() {
    assertThatThrownBy(() -> Templates.check("/x/{{id")).hasMessageContaining("unclosed {{ at position 3");
    assertThatThrownBy(() -> Templates.check("{{}}")).hasMessageContaining("not a valid placeholder");
    assertThatThrownBy(() -> Templates.check("{{a b}}")).hasMessageContaining("not a valid placeholder");
    assertThatThrownBy(() -> Templates.check("{{random_int:5:1}}")).hasMessageContaining("lower bound");
    assertThatThrownBy(() -> Templates.check("{{random_int:x:1}}")).hasMessageContaining("\"x\" is not a whole");
    assertThatThrownBy(() -> Templates.check("{{random_string:0}}")).hasMessageContaining("one length");
    assertThatThrownBy(() -> Templates.check("{{email:3}}")).hasMessageContaining("only random_int");
    assertThat(Templates.check("{{a}}-{{random_int:1:2}}")).containsExactly("a", "random_int");
  }

  @Test
  void placeholderFormNamesTheTemplate() {
    assertThat(Templates.placeholderForm("/users/{{email}}/orders/{{random_int:1:9}}"))
        .isEqualTo("/users/{email}/orders/{random_int}");
    assertThat(Templates.placeholderForm("/bad/{{x")).isEqualTo("/bad/{{x");
  }
}
