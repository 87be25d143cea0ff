package dev.liveload.cluster.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures of plans with the cluster's shared secret. */
public final class Signer {
  private final byte[] key;

  public Signer(byte[] secret) {
    // HMAC accepts an empty key; a loopback-only cluster without a secret uses one (documented).
    this.key = secret.length == 0 ? new byte[1] : secret.clone();
  }

  public String sign(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available: " + e, e);
    }
  }

  /** Constant-time check. */
  public boolean verify(String message, String signature) {
    if (signature == null) {
      return false;
    }
    return MessageDigest.isEqual(sign(message).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}
