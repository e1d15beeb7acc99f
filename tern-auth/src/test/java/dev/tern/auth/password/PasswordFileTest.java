package dev.tern.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {
    @TempDir
    Path dir;

    private final PasswordFileEditor editor = new PasswordFileEditor(new SecureRandom(), 4096);

    @Test
    void createAddUpdateAndDeleteKeepOneLinePerUserAndTheComments() throws Exception {
        Path file = dir.resolve("passwd");
        editor.create(file, "alice", bytes("a-secret"));
        Files.writeString(file, "# operators\n" + Files.readString(file));

        assertThat(editor.put(file, "bob", bytes("b-secret"))).isEqualTo(PasswordFileEditor.Outcome.ADDED);
        assertThat(editor.put(file, "alice", bytes("new"))).isEqualTo(PasswordFileEditor.Outcome.UPDATED);
        PasswordTable table = PasswordFileFormat.parse(Files.readAllLines(file));
        assertThat(table.users()).containsOnlyKeys("alice", "bob");
        assertThat(table.forPassword("alice").orElseThrow().matches(bytes("new")))
                .isTrue();
        assertThat(table.forPassword("alice").orElseThrow().matches(bytes("a-secret")))
                .isFalse();
        assertThat(table.forMechanism("bob", ScramMechanism.SHA_256)).isPresent();

        editor.delete(file, "alice");
        assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo("# operators");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void aLineIsUserColonCredentialsAndABadLineIsNamedWithoutItsSecret() {
        assertThatThrownBy(() -> PasswordFileFormat.parse(List.of("# ok", "alice")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> PasswordFileFormat.parse(List.of("alice:$md5$1$a$b$c")))
                .hasMessageContaining("line 1")
                .hasMessageContaining("unknown hash 'md5'");
        assertThatThrownBy(() -> new PasswordFileEditor(new SecureRandom(), 100))
                .hasMessageContaining("4096");
        assertThatThrownBy(() -> editor.create(dir.resolve("x"), "a:b", bytes("p")))
                .hasMessageContaining("':'");
    }

    @Test
    void aRememberedSuccessIsForgottenWhenTheUsersCredentialChanges() throws Exception {
        Path file = dir.resolve("passwd");
        editor.create(file, "alice", bytes("one"));
        PasswordTable[] table = {PasswordFileFormat.parse(Files.readAllLines(file))};
        PasswordCheck check = new PasswordCheck(() -> table[0], new SecureRandom());

        assertThat(check.check("alice", bytes("one"))).isTrue();
        assertThat(check.check("alice", bytes("one"))).isTrue();
        assertThat(check.check("alice", bytes("two"))).isFalse();
        assertThat(check.check("nobody", bytes("one"))).isFalse();

        editor.put(file, "alice", bytes("two"));
        table[0] = PasswordFileFormat.parse(Files.readAllLines(file));
        assertThat(check.check("alice", bytes("one"))).isFalse();
        assertThat(check.check("alice", bytes("two"))).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
