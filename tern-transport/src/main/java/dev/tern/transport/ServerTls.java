package dev.tern.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS side of one listener: an SSL context built from {@link TlsSettings} for one {@link ClientAuthMode}, rebuilt
 * when the files change. New connections get the newest context; connections already open keep theirs. A change that
 * does not load (a broken file, a key that does not match the certificate) is logged and the previous context stays.
 */
public final class ServerTls implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServerTls.class);

    private final String listenerName;
    private final TlsSettings settings;
    private final ClientAuthMode clientAuth;
    private final SslProvider provider;
    private volatile SslContext context;
    private volatile X509Certificate certificate;
    private TlsMaterial.Contents current;
    private TlsMaterial.Contents lastRefused;
    private ScheduledFuture<?> watch;

    private ServerTls(
            String listenerName,
            TlsSettings settings,
            ClientAuthMode clientAuth,
            SslProvider provider,
            TlsMaterial material,
            SslContext context) {
        this.listenerName = listenerName;
        this.settings = settings;
        this.clientAuth = clientAuth;
        this.provider = provider;
        this.current = material.contents();
        this.certificate = material.certificate();
        this.context = context;
    }

    /**
     * Loads the files and builds the context. Fails with an {@link IOException} that names the file and the problem
     * when a file cannot be read or used, or when OpenSSL is required but does not load.
     */
    public static ServerTls load(String listenerName, TlsSettings settings, ClientAuthMode clientAuth)
            throws IOException {
        Objects.requireNonNull(listenerName, "listenerName");
        if (clientAuth != ClientAuthMode.NONE && settings.caFile().isEmpty()) {
            throw new IOException("listener " + listenerName + " asks for client certificates (client_auth "
                    + clientAuth.name().toLowerCase(java.util.Locale.ROOT)
                    + ") but no CA file says which to trust: set tls.ca_file");
        }
        SslProvider provider = provider(settings.provider());
        TlsMaterial material;
        try {
            material = TlsMaterial.parse(TlsMaterial.Contents.read(settings), settings);
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new ServerTls(
                listenerName,
                settings,
                clientAuth,
                provider,
                material,
                build(material, settings, clientAuth, provider));
    }

    /** OpenSSL or the JDK, as asked and as available. */
    static SslProvider provider(TlsProvider wanted) throws IOException {
        return switch (wanted) {
            case AUTO -> OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
            case JDK -> SslProvider.JDK;
            case OPENSSL -> {
                if (!OpenSsl.isAvailable()) {
                    throw new IOException("tls.provider is openssl, but OpenSSL does not load here ("
                            + OpenSsl.unavailabilityCause() + "); use tls.provider=auto or jdk");
                }
                yield SslProvider.OPENSSL;
            }
        };
    }

    private static SslContext build(
            TlsMaterial material, TlsSettings settings, ClientAuthMode clientAuth, SslProvider provider)
            throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forServer(
                        material.key(), material.chain().toArray(X509Certificate[]::new))
                .sslProvider(provider)
                .protocols(settings.protocols())
                .clientAuth(
                        switch (clientAuth) {
                            case NONE -> ClientAuth.NONE;
                            case OPTIONAL -> ClientAuth.OPTIONAL;
                            case REQUIRED -> ClientAuth.REQUIRE;
                        });
        if (!material.trusted().isEmpty()) {
            builder.trustManager(material.trusted().toArray(X509Certificate[]::new));
        }
        return builder.build();
    }

    /** Starts checking the files every {@link TlsSettings#reloadInterval()} (unless it is zero), on one event loop. */
    public synchronized void watch(EventLoops loops) {
        long millis = settings.reloadInterval().toMillis();
        if (millis > 0 && watch == null) {
            watch = loops.group()
                    .next()
                    .scheduleWithFixedDelay(this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Reloads now if the files changed; returns whether the context was replaced. */
    public synchronized boolean reloadIfChanged() {
        TlsMaterial.Contents contents;
        try {
            contents = TlsMaterial.Contents.read(settings);
        } catch (IOException e) {
            // A file being replaced may be missing for a moment: try again at the next check.
            log.debug("listener {}: cannot read the TLS files ({}); will try again", listenerName, e.toString());
            return false;
        }
        if (contents.sameAs(current) || contents.sameAs(lastRefused)) {
            return false;
        }
        try {
            TlsMaterial material = TlsMaterial.parse(contents, settings);
            context = build(material, settings, clientAuth, provider);
            certificate = material.certificate();
            current = contents;
            lastRefused = null;
            log.info(
                    "listener {}: TLS certificate reloaded: {} (serial {}, valid until {})",
                    listenerName,
                    certificate.getSubjectX500Principal().getName(),
                    certificate.getSerialNumber().toString(16),
                    certificate.getNotAfter().toInstant());
            return true;
        } catch (GeneralSecurityException | SSLException | RuntimeException e) {
            lastRefused = contents;
            log.warn(
                    "listener {}: the changed TLS files do not load, so the previous certificate stays in use: {}",
                    listenerName,
                    e.getMessage());
            return false;
        }
    }

    /** A handler for one new connection, with the newest context. */
    SslHandler newHandler(ByteBufAllocator alloc) {
        return context.newHandler(alloc);
    }

    TlsSettings settings() {
        return settings;
    }

    /** The certificate new connections get. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** {@code openssl} or {@code jdk}, for the start-up log. */
    public String providerName() {
        return provider == SslProvider.JDK ? "jdk" : "openssl";
    }

    /** Stops watching the files. */
    @Override
    public synchronized void close() {
        if (watch != null) {
            watch.cancel(false);
            watch = null;
        }
    }
}
