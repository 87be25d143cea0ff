/**
 * The service provider interface of LiveLoad: what a runner (the local engine, the Hazelcast cluster, a future
 * distribution engine) and a protocol (HTTP, WebSocket, browser, a future gRPC module) build on.
 *
 * <p>Every type here carries an {@link org.apiguardian.api.API @API} mark that says how stable it is
 * ({@code EXPERIMENTAL}, {@code MAINTAINED}, {@code STABLE}) and since which version. Modules outside
 * {@code liveload-core} use this package and the public API only; nothing outside core imports
 * {@code dev.liveload.internal}.
 */
@NullMarked
package dev.liveload.spi;

import org.jspecify.annotations.NullMarked;
