package dev.tern.mqtt;

import dev.tern.api.session.CloseReason;
import dev.tern.api.session.Delivery;
import dev.tern.api.session.DeliveryOutcome;
import dev.tern.api.session.Outlet;
import java.util.concurrent.Executor;

/** The core's way back to one MQTT connection: every call goes to its {@link MqttConnectionHandler}. */
final class ConnectionOutlet implements Outlet {
    private final MqttConnectionHandler handler;

    ConnectionOutlet(MqttConnectionHandler handler) {
        this.handler = handler;
    }

    @Override
    public Executor executor() {
        return handler.eventLoop();
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        return handler.deliver(delivery);
    }

    @Override
    public void resendRelease(int packetId) {
        handler.resendRelease(packetId);
    }

    @Override
    public void flush() {
        handler.flushDeliveries();
    }

    @Override
    public boolean isWritable() {
        return handler.isWritable();
    }

    @Override
    public void close(CloseReason reason) {
        handler.closeFor(reason);
    }

    @Override
    public String toString() {
        return "ConnectionOutlet[" + handler + "]";
    }
}
