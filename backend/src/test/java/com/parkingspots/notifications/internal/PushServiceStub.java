package com.parkingspots.notifications.internal;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A push service in the test JVM (RFC 8030): each subscription is a browser's key pair and auth secret made here.
 * Every POST must carry a valid VAPID JWT (RFC 8292: ES256 under the key in {@code k=}, audience our origin, not
 * expired) and an aes128gcm body (RFC 8291) that decrypts with the subscription's keys; the decrypted payloads are kept
 * per subscription. Endpoints marked gone answer 410.
 */
final class PushServiceStub implements AutoCloseable {

    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    record Browser(String id, String endpoint, KeyPair keys, byte[] publicKey, byte[] auth) {
        String p256dh() {
            return B64.encodeToString(publicKey);
        }

        String authSecret() {
            return B64.encodeToString(auth);
        }
    }

    private final HttpServer server;
    private final Map<String, Browser> browsers = new ConcurrentHashMap<>();
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    volatile String expectedPublicKey;

    PushServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/push/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/push/".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            Browser browser = browsers.get(id);
            if (browser == null || gone.contains(id)) {
                status = 410;
            } else {
                try {
                    checkVapid(exchange.getRequestHeaders().getFirst("Authorization"));
                    if (!"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                        throw new IllegalStateException("Content-Encoding is not aes128gcm");
                    }
                    received.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
                            .add(decrypt(browser, body));
                    status = 201;
                } catch (Exception e) {
                    problems.add(e.toString());
                    status = 400;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Browser newBrowser() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] auth = new byte[16];
            new SecureRandom().nextBytes(auth);
            String id = java.util.UUID.randomUUID().toString();
            Browser browser =
                    new Browser(id, origin() + "/push/" + id, keys, uncompressed((ECPublicKey) keys.getPublic()), auth);
            browsers.put(id, browser);
            return browser;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void markGone(Browser browser) {
        gone.add(browser.id());
    }

    List<String> received(Browser browser) {
        return received.getOrDefault(browser.id(), List.of());
    }

    List<String> problems() {
        return problems;
    }

    private void checkVapid(String authorization) throws Exception {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            throw new IllegalStateException("no VAPID authorization: " + authorization);
        }
        String token = null;
        String key = null;
        for (String part : authorization.substring(6).split(",")) {
            String p = part.strip();
            if (p.startsWith("t=")) {
                token = p.substring(2);
            } else if (p.startsWith("k=")) {
                key = p.substring(2);
            }
        }
        if (token == null || key == null) {
            throw new IllegalStateException("VAPID needs t= and k=");
        }
        if (expectedPublicKey != null && !expectedPublicKey.equals(key)) {
            throw new IllegalStateException("VAPID key is not the server's public key");
        }
        byte[] point = Base64.getUrlDecoder().decode(key);
        ECKey ecKey = new ECKey.Builder(
                        Curve.P_256,
                        Base64URL.encode(Arrays.copyOfRange(point, 1, 33)),
                        Base64URL.encode(Arrays.copyOfRange(point, 33, 65)))
                .build();
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(new ECDSAVerifier(ecKey))) {
            throw new IllegalStateException("VAPID JWT signature does not verify");
        }
        var claims = jwt.getJWTClaimsSet();
        if (!claims.getAudience().contains(origin())) {
            throw new IllegalStateException("VAPID audience is " + claims.getAudience());
        }
        if (claims.getExpirationTime() == null || claims.getExpirationTime().getTime() < System.currentTimeMillis()) {
            throw new IllegalStateException("VAPID JWT expired");
        }
        if (claims.getSubject() == null
                || !(claims.getSubject().startsWith("mailto:")
                        || claims.getSubject().startsWith("https:"))) {
            throw new IllegalStateException("VAPID subject is " + claims.getSubject());
        }
    }

    /** RFC 8291 section 3.4 and RFC 8188: the receiving browser's side. */
    static String decrypt(Browser browser, byte[] body) throws GeneralSecurityException {
        ByteBuffer buffer = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        buffer.get(salt);
        buffer.getInt(); // record size
        int idLength = buffer.get() & 0xff;
        byte[] serverPublic = new byte[idLength];
        buffer.get(serverPublic);
        byte[] ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);

        ECPublicKey ours = (ECPublicKey) browser.keys().getPublic();
        ECPoint point = new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(serverPublic, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(serverPublic, 33, 65)));
        var theirs = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, ours.getParams()));
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(browser.keys().getPrivate());
        agreement.doPhase(theirs, true);
        byte[] ecdhSecret = agreement.generateSecret();

        byte[] prkKey = hmac(browser.auth(), ecdhSecret);
        byte[] keyInfo = concat(
                "WebPush: info".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0},
                browser.publicKey(),
                serverPublic,
                new byte[] {1});
        byte[] ikm = hmac(prkKey, keyInfo);
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(
                hmac(prk, concat("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 1})),
                16);
        byte[] nonce = Arrays.copyOf(
                hmac(prk, concat("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 1})),
                12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalStateException("no last-record delimiter");
        }
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static byte[] uncompressed(ECPublicKey key) {
        byte[] x = fixed(key.getW().getAffineX());
        byte[] y = fixed(key.getW().getAffineY());
        return concat(new byte[] {4}, x, y);
    }

    private static byte[] fixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
