package dev.tern.benchmarks;

import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttVersion;
import io.netty.buffer.ByteBuf;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The copy-versus-share question of {@link PublishEncodeBenchmark#encodeAndWrite}, measured paired and interleaved for
 * a machine shared with other work: {@code java -cp tern-benchmarks/target/benchmarks.jar
 * dev.tern.benchmarks.CopyVsSharePaired [seconds]}.
 *
 * <p>JMH measures one configuration after another, so on a busy machine each one meets different neighbours and the
 * difference between two configurations drowns in the noise. Here every round runs a short block of every
 * configuration, in alternating order, and keeps the per-operation time of each block; a block that the scheduler left
 * alone is about a millisecond long, so the fastest blocks of a configuration are its undisturbed cost, and both
 * strategies at a size meet the same neighbours. It reports per configuration the minimum and the median over rounds
 * of wall time per operation, and the median of this thread's CPU time per operation. Same work per operation as
 * {@code encodeAndWrite}: encode (MQTT 5.0 PUBLISH, QoS 1, three properties), copy into a direct buffer standing for
 * the socket the way a gathering write reads the result, release.
 */
public final class CopyVsSharePaired {
    private static final int[] SIZES = {64, 256, 1024, 4096, 8192, 16384, 32768, 65536};
    private static final int OPS_PER_BLOCK = 1000;

    private CopyVsSharePaired() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        MqttEncoder copy = new MqttEncoder(Integer.MAX_VALUE);
        MqttEncoder share = new MqttEncoder(0);
        PublishEncodeBenchmark.ForwardedPublish[] publishes = new PublishEncodeBenchmark.ForwardedPublish[SIZES.length];
        for (int i = 0; i < SIZES.length; i++) {
            publishes[i] = new PublishEncodeBenchmark.ForwardedPublish(MqttVersion.V5, SIZES[i]);
        }
        ByteBuffer socket = ByteBuffer.allocateDirect(SIZES[SIZES.length - 1] + 1024);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        // Warm-up: long enough for C2 to compile both paths at every size.
        long warmEnd = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (int i = 0; i < SIZES.length; i++) {
                block(copy, publishes[i], socket);
                block(share, publishes[i], socket);
            }
        }

        int maxRounds = 100_000;
        double[][][] wall = new double[SIZES.length][2][maxRounds];
        double[][][] cpu = new double[SIZES.length][2][maxRounds];
        int rounds = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end && rounds < maxRounds) {
            for (int i = 0; i < SIZES.length; i++) {
                for (int k = 0; k < 2; k++) {
                    int strategy = (rounds + k) % 2; // alternate which strategy goes first
                    MqttEncoder encoder = strategy == 0 ? copy : share;
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long wall0 = System.nanoTime();
                    block(encoder, publishes[i], socket);
                    wall[i][strategy][rounds] = (System.nanoTime() - wall0) / (double) OPS_PER_BLOCK;
                    cpu[i][strategy][rounds] = (threads.getCurrentThreadCpuTime() - cpu0) / (double) OPS_PER_BLOCK;
                }
            }
            rounds++;
        }
        for (PublishEncodeBenchmark.ForwardedPublish publish : publishes) {
            publish.release();
        }

        System.out.printf(
                Locale.ROOT,
                "%d rounds of %d ops per configuration; ns/op%n%8s  %-26s %-26s %s%n",
                rounds,
                OPS_PER_BLOCK,
                "payload",
                "COPY  min / median / cpu",
                "SHARE min / median / cpu",
                "faster (min, median)");
        for (int i = 0; i < SIZES.length; i++) {
            double[] c = stats(wall[i][0], rounds);
            double[] s = stats(wall[i][1], rounds);
            double cc = stats(cpu[i][0], rounds)[1];
            double sc = stats(cpu[i][1], rounds)[1];
            System.out.printf(
                    Locale.ROOT,
                    "%8d  %7.0f / %7.0f / %7.0f  %7.0f / %7.0f / %7.0f  %s, %s%n",
                    SIZES[i],
                    c[0],
                    c[1],
                    cc,
                    s[0],
                    s[1],
                    sc,
                    c[0] <= s[0] ? "COPY" : "SHARE",
                    c[1] <= s[1] ? "COPY" : "SHARE");
        }
    }

    private static void block(MqttEncoder encoder, PublishEncodeBenchmark.ForwardedPublish publish, ByteBuffer socket) {
        for (int n = 0; n < OPS_PER_BLOCK; n++) {
            ByteBuf out = encoder.encode(Fixtures.ALLOC, publish.packet, MqttVersion.V5);
            socket.clear();
            SocketSink.write(out, socket);
            out.release();
        }
        if (socket.position() == 0) {
            throw new IllegalStateException("nothing written");
        }
    }

    /** Minimum and median of the first {@code n} values. */
    private static double[] stats(double[] values, int n) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return new double[] {sorted[0], sorted[n / 2]};
    }
}
