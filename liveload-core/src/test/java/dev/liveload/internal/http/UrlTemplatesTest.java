package dev.liveload.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlTemplatesTest {
  @ParameterizedTest
  @CsvSource({
      "/, /",
      "/api/products, /api/products",
      "/api/products/42, /api/products/{id}",
      "/users/42/orders/7?page=2, /users/{id}/orders/{id}",
      "/o/3f2504e0-4f89-11d3-9a0c-0305e82c3301/items, /o/{id}/items",
      "/blob/9f86d081884c7d659a2feaa0c55ad015, /blob/{id}",
      "/t/eyJhbGciOiJIUzI1NiJ9abc123xyz, /t/{id}",
      "/v2/search?q=42, /v2/search",
      "/css/app.css, /css/app.css",
      "/deadbeef, /deadbeef",
  })
  void templatesIdsAndDropsQueries(String path, String template) {
    assertThat(UrlTemplates.template(path)).isEqualTo(template);
  }
}
