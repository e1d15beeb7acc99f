package dev.tern.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.api.security.EnhancedAuthentication.Step;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScramExchangeTest {
    // The example exchange of RFC 7677 section 3: user "user", password "pencil".
    private static final byte[] SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    private static final String CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final ScramCredential PENCIL =
            ScramCredential.derive(ScramMechanism.SHA_256, bytes("pencil"), SALT, 4096);

    @Test
    void theServerAnswersRfc7677sExampleExchangeByteForByte() {
        ScramExchange exchange = exchange(PENCIL);

        Step first = exchange.step(bytes("n,,n=user,r=" + CLIENT_NONCE));
        assertThat(first)
                .isInstanceOfSatisfying(
                        Step.Continue.class,
                        c -> assertThat(text(c.serverData()))
                                .isEqualTo("r=" + CLIENT_NONCE + SERVER_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));

        Step last = exchange.step(
                bytes("c=biws,r=" + CLIENT_NONCE + SERVER_NONCE + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        assertThat(last).isInstanceOfSatisfying(Step.Success.class, success -> {
            assertThat(success.username()).isEqualTo("user");
            assertThat(text(success.serverData())).isEqualTo("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
        });
    }

    @Test
    void aWrongProofFails() {
        ScramExchange exchange = exchange(PENCIL);
        exchange.step(bytes("n,,n=user,r=" + CLIENT_NONCE));

        Step last = exchange.step(
                bytes("c=biws,r=" + CLIENT_NONCE + SERVER_NONCE + ",p=AHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));

        assertThat(last).isInstanceOf(Step.Failure.class);
    }

    @Test
    void anUnknownUserGetsAChallengeLikeAnyOtherAndThenFails() {
        ScramExchange exchange = new ScramExchange(
                ScramMechanism.SHA_256,
                user -> Optional.empty(),
                user -> ScramCredential.derive(ScramMechanism.SHA_256, bytes("x"), bytes("decoy-salt"), 4096),
                () -> SERVER_NONCE);

        assertThat(exchange.step(bytes("n,,n=nobody,r=" + CLIENT_NONCE))).isInstanceOf(Step.Continue.class);
        assertThat(exchange.step(bytes(
                        "c=biws,r=" + CLIENT_NONCE + SERVER_NONCE + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")))
                .isInstanceOfSatisfying(
                        Step.Failure.class, f -> assertThat(f.detail()).contains("unknown user"));
    }

    @Test
    void aReplayedNonceOrChannelBindingIsRefused() {
        ScramExchange exchange = exchange(PENCIL);
        exchange.step(bytes("n,,n=user,r=" + CLIENT_NONCE));

        assertThat(exchange.step(bytes("c=biws,r=" + CLIENT_NONCE + "other,p=AAAA")))
                .isInstanceOf(Step.Failure.class);
        assertThat(exchange(PENCIL).step(bytes("p=tls-unique,,n=user,r=abc"))).isInstanceOf(Step.Failure.class);
    }

    @Test
    void aCredentialChecksThePasswordItWasMadeFromAndNoOther() {
        assertThat(PENCIL.matches(bytes("pencil"))).isTrue();
        assertThat(PENCIL.matches(bytes("pencil "))).isFalse();
        assertThat(ScramCredential.decode(PENCIL.encode())).isEqualTo(PENCIL);
    }

    private static ScramExchange exchange(ScramCredential credential) {
        return new ScramExchange(
                ScramMechanism.SHA_256,
                user -> user.equals("user") ? Optional.of(credential) : Optional.empty(),
                user -> credential,
                () -> SERVER_NONCE);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }
}
