package dev.liveload.internal.ws;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.HandshakeState;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;

/**
 * RFC 6455 framing that counts data frames (text, binary, continuation) and their payload bytes as they are
 * written and read; control frames (ping, pong, close) are not counted. Java-WebSocket copies its draft per
 * connection ({@link #copyInstance()}), so the copy keeps the same counters. Also notes the status line of the
 * server's handshake response, so that a refused handshake can say what the server answered.
 */
final class CountingDraft extends Draft_6455 {
  private final WsMeters.Holder meters;
  private final AtomicReference<String> handshakeStatus;

  CountingDraft(WsMeters.Holder meters, AtomicReference<String> handshakeStatus, List<IExtension> extensions,
      List<IProtocol> protocols) {
    super(extensions, protocols);
    this.meters = meters;
    this.handshakeStatus = handshakeStatus;
  }

  @Override
  public Draft copyInstance() {
    var extensions = new ArrayList<IExtension>();
    getKnownExtensions().forEach(e -> extensions.add(e.copyInstance()));
    var protocols = new ArrayList<IProtocol>();
    getKnownProtocols().forEach(p -> protocols.add(p.copyInstance()));
    return new CountingDraft(meters, handshakeStatus, extensions, protocols);
  }

  @Override
  public HandshakeState acceptHandshakeAsClient(ClientHandshake request, ServerHandshake response)
      throws InvalidHandshakeException {
    handshakeStatus.set(response.getHttpStatus() + " " + response.getHttpStatusMessage());
    return super.acceptHandshakeAsClient(request, response);
  }

  @Override
  public ByteBuffer createBinaryFrame(Framedata frame) {
    if (isData(frame.getOpcode())) {
      WsMeters m = meters.meters;
      m.framesSent().increment();
      m.bytesSent().add(frame.getPayloadData().remaining());
    }
    return super.createBinaryFrame(frame);
  }

  @Override
  public void processFrame(WebSocketImpl socket, Framedata frame) throws InvalidDataException {
    if (isData(frame.getOpcode())) {
      WsMeters m = meters.meters;
      m.framesReceived().increment();
      m.bytesReceived().add(frame.getPayloadData().remaining());
    }
    super.processFrame(socket, frame);
  }

  private static boolean isData(Opcode op) {
    return op == Opcode.TEXT || op == Opcode.BINARY || op == Opcode.CONTINUOUS;
  }
}
