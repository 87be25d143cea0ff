package dev.liveload.internal.ws;

import dev.liveload.internal.engine.UserContext;
import java.util.concurrent.atomic.LongAdder;

/**
 * The frame counters of one scenario, added to from a socket's read thread (received) and the user's or the
 * heartbeat timer's thread (sent).
 */
record WsMeters(LongAdder framesSent, LongAdder framesReceived, LongAdder bytesSent, LongAdder bytesReceived) {
  static final String FRAMES_SENT = "ws.frames.sent";
  static final String FRAMES_RECEIVED = "ws.frames.received";
  static final String BYTES_SENT = "ws.bytes.sent";
  static final String BYTES_RECEIVED = "ws.bytes.received";

  /** The counters of the user's current scenario. */
  static WsMeters of(UserContext user) {
    return new WsMeters(user.counter(FRAMES_SENT), user.counter(FRAMES_RECEIVED), user.counter(BYTES_SENT),
        user.counter(BYTES_RECEIVED));
  }

  /** A holder the read thread reads through, so the user can point a kept connection at another scenario. */
  static final class Holder {
    volatile WsMeters meters;

    Holder(WsMeters meters) {
      this.meters = meters;
    }
  }
}
