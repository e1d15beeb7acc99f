package dev.tern.auth.acl;

import dev.tern.api.topic.TopicFilter;
import dev.tern.api.topic.TopicName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides publish, subscribe and receive by the rules of an ACL file. Semantics, as in Mosquitto where Mosquitto says:
 *
 * <ul>
 *   <li>a client without a username gets the anonymous rules and the patterns; a user gets its own rules and the
 *       patterns (Mosquitto: "the first set of topics are applied to anonymous clients");
 *   <li>nothing is allowed that no rule allows (Mosquitto: "only the topics listed will have access");
 *   <li>deny wins: a topic matched by any applicable {@code deny} rule is neither readable nor writable, whatever
 *       other rules grant (Mosquitto: "any deny topics are handled before topics that grant read/write access");
 *   <li>a subscription is allowed only when one read rule covers every topic its filter can match and no deny rule
 *       overlaps it; a wider filter is refused whole, never narrowed. A shared subscription is judged by the filter
 *       inside {@code $share/GROUP/}. Every delivery is checked again, so no wildcard reaches a topic the client may
 *       not read even should the rules change.
 * </ul>
 */
public final class Acl {
    /** Compiled rules per client: bounded, since client identifiers are chosen by clients. */
    private static final int MAX_CACHED_CLIENTS = 10_000;

    private final AclRules rules;
    private final Map<ClientKey, ClientRules> perClient = new ConcurrentHashMap<>();

    public Acl(AclRules rules) {
        this.rules = rules;
    }

    public AclRules rules() {
        return rules;
    }

    public boolean mayPublish(Optional<String> username, String clientId, TopicName topic) {
        ClientRules client = rulesFor(username, clientId);
        return !anyMatches(client.deny(), topic) && anyMatches(client.write(), topic);
    }

    public boolean mayReceive(Optional<String> username, String clientId, TopicName topic) {
        ClientRules client = rulesFor(username, clientId);
        return !anyMatches(client.deny(), topic) && anyMatches(client.read(), topic);
    }

    public boolean maySubscribe(Optional<String> username, String clientId, TopicFilter filter) {
        ClientRules client = rulesFor(username, clientId);
        String[] levels = AclFilter.levelsOf(filter); // the filter inside $share/GROUP/ for a shared one
        for (AclFilter deny : client.deny()) {
            if (deny.intersects(levels)) {
                return false;
            }
        }
        for (AclFilter read : client.read()) {
            if (read.covers(levels)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyMatches(List<AclFilter> filters, TopicName topic) {
        for (AclFilter filter : filters) {
            if (filter.matches(topic)) {
                return true;
            }
        }
        return false;
    }

    private ClientRules rulesFor(Optional<String> username, String clientId) {
        ClientKey key = new ClientKey(username, clientId);
        ClientRules cached = perClient.get(key);
        if (cached != null) {
            return cached;
        }
        if (perClient.size() >= MAX_CACHED_CLIENTS) {
            perClient.clear();
        }
        ClientRules compiled = compile(username, clientId);
        perClient.put(key, compiled);
        return compiled;
    }

    private ClientRules compile(Optional<String> username, String clientId) {
        List<AclFilter> read = new ArrayList<>();
        List<AclFilter> write = new ArrayList<>();
        List<AclFilter> deny = new ArrayList<>();
        List<AclRule> own = username.map(user -> rules.users().getOrDefault(user, List.of()))
                .orElse(rules.anonymous());
        for (AclRule rule : own) {
            sort(rule, new AclFilter(rule.filter()), read, write, deny);
        }
        for (AclRule rule : rules.patterns()) {
            PatternSubstitution.apply(rule, username, clientId)
                    .ifPresent(filter -> sort(rule, filter, read, write, deny));
        }
        return new ClientRules(List.copyOf(read), List.copyOf(write), List.copyOf(deny));
    }

    private static void sort(
            AclRule rule, AclFilter filter, List<AclFilter> read, List<AclFilter> write, List<AclFilter> deny) {
        switch (rule.access()) {
            case READ -> read.add(filter);
            case WRITE -> write.add(filter);
            case READWRITE -> {
                read.add(filter);
                write.add(filter);
            }
            case DENY -> deny.add(filter);
        }
    }

    private record ClientKey(Optional<String> username, String clientId) {}

    private record ClientRules(List<AclFilter> read, List<AclFilter> write, List<AclFilter> deny) {}
}
