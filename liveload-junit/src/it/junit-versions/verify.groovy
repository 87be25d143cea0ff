// Checks each build of the sample project (one per JUnit version in invoker.properties).
def props = new Properties()
new File(basedir, 'invoker.properties').withInputStream { props.load(it) }
def versions = props.findAll { it.key.startsWith('invoker.goals.') }.sort { (it.key - 'invoker.goals.') as int }
    .collect { (it.value =~ /-Djunit\.version=(\S+)/)[0][1] }
assert versions.size() >= 4 : "no JUnit versions found in invoker.properties"
def log = new File(basedir, 'build.log').text
assert !log.contains('NoClassDefFoundError') && !log.contains('NoSuchMethodError') && !log.contains('LinkageError')
assert !log.contains('SLF4J') : 'SLF4J complained in a project without a binding'
assert !log.readLines().any { it.startsWith('LiveLoad') } : 'LiveLoad printed something besides failure messages'

def problems = []
versions.each { v ->
  def dir = new File(basedir, "target/junit-${v}")
  def xml = new File(dir, 'surefire-reports/TEST-com.example.ShopLoadTest.xml')
  if (!xml.isFile()) { problems << "JUnit ${v}: no test report (the build did not get to the tests)"; return }
  def suite = new groovy.xml.XmlSlurper().parse(xml)
  // from JUnit 5.11 on, Surefire names a test with parameters 'method(RunResult)'
  def pass = suite.testcase.find { it.@name.text().startsWith('browsingHoldsUp') }
  def fail = suite.testcase.find { it.@name.text().startsWith('browsingIsFasterThanTheServer') }
  if (pass.size() == 0 || pass.failure.size() + pass.error.size() > 0) {
    problems << "JUnit ${v}: browsingHoldsUp did not pass: ${pass.failure.@message}${pass.error.@message}"
  }
  def message = fail.failure.@message.text()
  if (fail.error.size() > 0 || !message.startsWith('1 of 1 LiveLoad thresholds failed in ShopLoadTest.browsingIsFasterThanTheServer:')
      || !message.contains('p95(http.duration) < 1ms') || !message.contains(' — observed ')
      || !message.contains("and the test body failed too (attached below as suppressed): Expecting p95 of ")
      || !message.contains("report: ${new File(dir, 'liveload/ShopLoadTest/browsingIsFasterThanTheServer.html').absolutePath}")) {
    problems << "JUnit ${v}: browsingIsFasterThanTheServer did not fail naming its threshold: ${message}${fail.error.@message}"
  }
  // passing tests print nothing (neither LiveLoad nor SLF4J): no captured output at all beside the failure
  if (pass.'system-out'.size() + pass.'system-err'.size() > 0) {
    problems << "JUnit ${v}: the passing test printed: ${pass.'system-out'.text()}${pass.'system-err'.text()}"
  }
  ['browsingHoldsUp', 'browsingIsFasterThanTheServer'].each { m ->
    ['json', 'html'].each { ext ->
      if (!new File(dir, "liveload/ShopLoadTest/${m}.${ext}").isFile()) { problems << "JUnit ${v}: no ${m}.${ext}" }
    }
  }
  // JUnit 5.12 and newer can attach files to a test (publishFile): then JUnit keeps a copy of each
  def attached = new File(dir, 'junit-jupiter/com.example.ShopLoadTest/browsingHoldsUp(dev.liveload.result.RunResult)/browsingHoldsUp.html')
  def (major, minor) = v.tokenize('.').collect { it as int }
  boolean canAttach = major > 5 || minor >= 12
  if (attached.isFile() != canAttach) {
    problems << "JUnit ${v}: the report was ${attached.isFile() ? '' : 'not '}attached to the test (${attached})"
  }
  println "JUnit ${v}: browsingHoldsUp passed, browsingIsFasterThanTheServer failed with: ${message.readLines().take(2).join(' / ')}; report attached: ${attached.isFile()}"
}
assert problems.isEmpty() : problems.join('\n')
return true
