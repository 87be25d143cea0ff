package dev.liveload.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogsTest {

  @Test
  void aProviderIsFoundWithoutInitializingSlf4jAndItsAbsenceToo() throws Exception {
    assertThat(Logs.hasProvider(getClass().getClassLoader())).as("slf4j-simple is on the test class path").isTrue();
    URL api = LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
    try (var onlyTheApi = new URLClassLoader(new URL[] {api}, null)) {
      assertThat(Logs.hasProvider(onlyTheApi)).isFalse();
    }
  }

  @Test
  void withoutAProviderOnlyWarningsAndErrorsArePrintedTheFirstWithWhatToAdd() {
    var bytes = new ByteArrayOutputStream();
    var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    var engine = new Logs.StderrLogger("dev.liveload.internal.engine.Engine", out);
    var runner = new Logs.StderrLogger("dev.liveload.internal.engine.LoadRunner", out);
    engine.info("population {} ends early", "api");
    engine.debug("details");
    assertThat(bytes.size()).isZero();
    engine.warn("{} users did not stop", 3);
    runner.error("could not write the result to {}: {}", "/nope/result.json", "denied");
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(Logs.HINT,
        "LiveLoad WARN Engine: 3 users did not stop",
        "LiveLoad ERROR LoadRunner: could not write the result to /nope/result.json: denied");
  }
}
