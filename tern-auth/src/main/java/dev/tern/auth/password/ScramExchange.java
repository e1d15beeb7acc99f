package dev.tern.auth.password;

import dev.tern.api.security.EnhancedAuthentication;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The server side of one SCRAM exchange (RFC 5802 section 5; RFC 7677 for SHA-256), carried in MQTT 5 AUTH packets
 * (section 4.12): client-first in CONNECT's Authentication Data, server-first in AUTH 0x18, client-final in the
 * client's AUTH 0x18, server-final (the server's signature, which proves the server knew the credential) with the
 * CONNACK, or with AUTH 0x00 on re-authentication.
 *
 * <p>Channel binding is not offered: a client-first with {@code p=} is refused. Usernames and passwords are taken as
 * their UTF-8 bytes, without SASLprep, on both sides of the file (so ASCII passwords are unaffected). An unknown user
 * gets a well-formed challenge with a made-up salt and fails at the proof, so the exchange does not tell which users
 * exist (RFC 5802 section 5.1, "i" attribute).
 */
final class ScramExchange implements EnhancedAuthentication {
    private enum State {
        AWAITING_CLIENT_FIRST,
        AWAITING_CLIENT_FINAL,
        DONE
    }

    private final ScramMechanism mechanism;
    private final Function<String, Optional<ScramCredential>> credentials;
    private final Function<String, ScramCredential> decoy;
    private final Supplier<String> serverNonce;
    private State state = State.AWAITING_CLIENT_FIRST;
    private String username;
    private ScramCredential credential;
    private boolean known;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private String gs2Header;

    /**
     * @param credentials the user's credential for this mechanism, if it has one
     * @param decoy a made-up credential for an unknown user, the same every time for the same name
     * @param serverNonce printable characters without ',' (RFC 5802 "r" attribute)
     */
    ScramExchange(
            ScramMechanism mechanism,
            Function<String, Optional<ScramCredential>> credentials,
            Function<String, ScramCredential> decoy,
            Supplier<String> serverNonce) {
        this.mechanism = mechanism;
        this.credentials = credentials;
        this.decoy = decoy;
        this.serverNonce = serverNonce;
    }

    @Override
    public Step step(byte[] clientData) {
        String message = new String(clientData, StandardCharsets.UTF_8);
        try {
            return switch (state) {
                case AWAITING_CLIENT_FIRST -> onClientFirst(message);
                case AWAITING_CLIENT_FINAL -> onClientFinal(message);
                case DONE -> fail("the exchange is over");
            };
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
    }

    private Step onClientFirst(String message) {
        // gs2-header: "n" or "y" (no channel binding), then an optional authzid, then the bare message.
        int first = message.indexOf(',');
        int second = first < 0 ? -1 : message.indexOf(',', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("client-first-message without a GS2 header");
        }
        String flag = message.substring(0, first);
        if (!flag.equals("n") && !flag.equals("y")) {
            throw new IllegalArgumentException("channel binding is not supported (GS2 flag '" + flag + "')");
        }
        String authzid = message.substring(first + 1, second);
        gs2Header = message.substring(0, second + 1);
        clientFirstBare = message.substring(second + 1);
        String[] attributes = clientFirstBare.split(",", -1);
        if (attributes.length < 2 || attributes[0].startsWith("m=")) {
            throw new IllegalArgumentException("client-first-message-bare must start with n= and r= (no extensions)");
        }
        username = saslName(attribute(attributes[0], 'n'));
        String clientNonce = attribute(attributes[1], 'r');
        if (clientNonce.isEmpty()) {
            throw new IllegalArgumentException("empty client nonce");
        }
        if (!authzid.isEmpty() && !authzid.equals("a=" + attributes[0].substring(2))) {
            throw new IllegalArgumentException("an authorization identity other than the user is not supported");
        }
        Optional<ScramCredential> found = credentials.apply(username);
        known = found.isPresent();
        credential = found.orElseGet(() -> decoy.apply(username));
        nonce = clientNonce + serverNonce.get();
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(credential.salt()) + ",i="
                + credential.iterations();
        state = State.AWAITING_CLIENT_FINAL;
        return new Step.Continue(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private Step onClientFinal(String message) {
        state = State.DONE;
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new IllegalArgumentException("client-final-message without a proof");
        }
        String withoutProof = message.substring(0, proofAt);
        String[] attributes = withoutProof.split(",", -1);
        if (attributes.length < 2) {
            throw new IllegalArgumentException("client-final-message must start with c= and r=");
        }
        String binding = attribute(attributes[0], 'c');
        if (!binding.equals(Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8)))) {
            throw new IllegalArgumentException("channel binding data does not repeat the GS2 header");
        }
        if (!attribute(attributes[1], 'r').equals(nonce)) {
            throw new IllegalArgumentException("the nonce is not the one the server sent");
        }
        byte[] proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        byte[] authMessage =
                (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = mechanism.hmac(credential.storedKey(), authMessage);
        if (proof.length != clientSignature.length) {
            return fail("the proof has the wrong length");
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        // RFC 5802 section 3: the client is who it says when H(ClientKey) is the StoredKey.
        if (!MessageDigest.isEqual(mechanism.hash(clientKey), credential.storedKey()) || !known) {
            return fail(known ? "wrong password for user '" + username + "'" : "unknown user '" + username + "'");
        }
        byte[] serverSignature = mechanism.hmac(credential.serverKey(), authMessage);
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
        return new Step.Success(username, serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    private Step fail(String detail) {
        state = State.DONE;
        return new Step.Failure(mechanism.methodName() + ": " + detail);
    }

    private static String attribute(String field, char name) {
        if (field.length() < 2 || field.charAt(0) != name || field.charAt(1) != '=') {
            throw new IllegalArgumentException("expected attribute " + name + "=, got '" + field + "'");
        }
        return field.substring(2);
    }

    /** RFC 5802 saslname: ',' and '=' are written =2C and =3D; any other '=' is an error. */
    private static String saslName(String text) {
        StringBuilder name = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '=') {
                name.append(c);
            } else if (text.startsWith("=2C", i)) {
                name.append(',');
                i += 2;
            } else if (text.startsWith("=3D", i)) {
                name.append('=');
                i += 2;
            } else {
                throw new IllegalArgumentException("bad escape in the username");
            }
        }
        return name.toString();
    }
}
