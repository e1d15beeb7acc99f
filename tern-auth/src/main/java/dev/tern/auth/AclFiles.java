package dev.tern.auth;

import dev.tern.auth.acl.Acl;
import dev.tern.auth.acl.MosquittoAclFormat;
import dev.tern.auth.acl.YamlAclFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Which format an ACL file is in: YAML for {@code .yaml} and {@code .yml}, Mosquitto's otherwise. */
final class AclFiles {
    private AclFiles() {}

    static Function<List<String>, Acl> parser(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return lines -> new Acl(YamlAclFormat.parse(String.join("\n", lines)));
        }
        return lines -> new Acl(MosquittoAclFormat.parse(lines));
    }
}
