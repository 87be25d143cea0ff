package dev.liveload.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor r = Redactor.of(List.of("Session"));

  @Test
  void secretParameterValuesAreReplacedWhereverTheyStand() {
    assertThat(r.redact("status 500 (GET http://127.0.0.1:4500/status/500?token=SECRETTOKEN123)"))
        .isEqualTo("status 500 (GET http://127.0.0.1:4500/status/500?token=REDACTED)");
    assertThat(r.redact("/x?page=2&API_KEY=k1&session=s1;signature=abc#f&key="))
        .isEqualTo("/x?page=2&API_KEY=REDACTED&session=REDACTED;signature=REDACTED#f&key=");
    assertThat(r.redact("body: user=ann&password=hunter2 rest")).isEqualTo("body: user=ann&password=REDACTED rest");
    assertThat(r.redact("body: {\"user\":\"ann\",\"access_token\" : \"a\\\"b\",\"n\":1}"))
        .isEqualTo("body: {\"user\":\"ann\",\"access_token\" : \"REDACTED\",\"n\":1}");
  }

  @Test
  void namesThatOnlyEndLikeASecretAreKept() {
    String s = "/x?monkey=1&tokens=2&key_id=3&my.key=4";
    assertThat(r.redact(s)).isSameAs(s);
  }

  @Test
  void secretHeadersAndUserInfoAreReplaced() {
    assertThat(r.redact("sent Authorization: Bearer abc.def (GET /x)")).isEqualTo("sent Authorization: REDACTED)");
    assertThat(r.redact("Set-Cookie: sid=1; HttpOnly")).isEqualTo("Set-Cookie: REDACTED");
    assertThat(r.redact("could not connect to http://bob:pw@h:1/x and wss://t@h/s"))
        .isEqualTo("could not connect to http://h:1/x and wss://h/s");
    String plain = "authorization failed for user ann";
    assertThat(r.redact(plain)).isSameAs(plain);
  }
}
