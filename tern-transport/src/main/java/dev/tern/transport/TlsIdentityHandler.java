package dev.tern.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits right after the {@link SslHandler}: once the handshake succeeds it records the verified client certificate, if
 * any, as {@link ConnectionAttributes#CLIENT_CERTIFICATE}, then leaves the pipeline. A failed handshake (a required
 * certificate missing, one that does not verify) is logged once at debug level and the connection closes.
 */
final class TlsIdentityHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(TlsIdentityHandler.class);

    private final String listenerName;
    private final TlsSettings settings;

    TlsIdentityHandler(String listenerName, TlsSettings settings) {
        this.listenerName = listenerName;
        this.settings = settings;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent completion) {
            if (completion.isSuccess()) {
                record(ctx);
                ctx.pipeline().remove(this);
            } else {
                log.debug(
                        "listener {}: TLS handshake with {} failed: {}",
                        listenerName,
                        ctx.channel().remoteAddress(),
                        String.valueOf(completion.cause()));
                ctx.close();
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    private void record(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        try {
            Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate client) {
                ctx.channel()
                        .attr(ConnectionAttributes.CLIENT_CERTIFICATE)
                        .set(CertificateNames.identity(client, settings));
            }
        } catch (SSLPeerUnverifiedException noCertificate) {
            // client_auth none or optional, and the client sent none
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Decoding failures of the TLS layer (not TLS, a bad record) end the connection; they are not our errors.
        log.debug(
                "listener {}: TLS error from {}: {}",
                listenerName,
                ctx.channel().remoteAddress(),
                cause.toString());
        ctx.close();
    }
}
