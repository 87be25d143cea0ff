package dev.liveload.result;

/**
 * Where a run was generated from.
 *
 * @param liveloadVersion LiveLoad version
 * @param javaVersion     {@code java.version}
 * @param javaVendor      {@code java.vendor}
 * @param os              operating system name, version and architecture
 * @param host            generator host name
 * @param cores           available processors
 * @param maxHeapBytes    maximum heap of the generator JVM
 * @since 0.1
 */
public record Environment(
    String liveloadVersion, String javaVersion, String javaVendor, String os, String host, int cores,
    long maxHeapBytes) {}
