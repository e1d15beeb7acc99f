package dev.tern.auth;

import dev.tern.auth.acl.Access;
import dev.tern.auth.acl.Acl;
import dev.tern.auth.acl.AclRule;
import dev.tern.auth.acl.AclRules;
import dev.tern.auth.jwt.JwtResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topic permissions a JWT carried, for the connection that presented it, until the token expires. The claims are
 * held as rules of their own ({@code publish} filters writable, {@code subscribe} filters readable), so the same engine
 * answers them; a claim the token leaves out restricts nothing.
 */
record TokenGrants(Optional<Acl> publish, Optional<Acl> subscribe, Instant expiresAt) {

    static TokenGrants of(JwtResult.Valid token) {
        return new TokenGrants(
                token.publish().map(filters -> acl(filters, Access.WRITE)),
                token.subscribe().map(filters -> acl(filters, Access.READ)),
                token.expiresAt());
    }

    private static Acl acl(List<String> filters, Access access) {
        List<AclRule> rules = new ArrayList<>();
        for (String filter : filters) {
            if (!filter.contains("%")) { // a token names topics, it does not hold patterns
                rules.add(new AclRule(access, filter));
            }
        }
        return new Acl(new AclRules(rules, Map.of(), List.of()));
    }
}
