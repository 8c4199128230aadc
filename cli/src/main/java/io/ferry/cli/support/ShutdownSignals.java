package io.ferry.cli.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into an orderly stop: the first signal releases
 * {@link #await()}, so the command stops its servers and exits 0; a second signal while stopping
 * ends the process at once with exit code 130.
 */
public final class ShutdownSignals {
    private static final Logger log = LoggerFactory.getLogger(ShutdownSignals.class);

    private final CountDownLatch requested = new CountDownLatch(1);
    private volatile String received;

    private ShutdownSignals() {
    }

    /** Installs handlers for INT and TERM in place of the JVM's default exit. */
    public static ShutdownSignals install() {
        ShutdownSignals signals = new ShutdownSignals();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signals::onSignal);
        }
        return signals;
    }

    private void onSignal(Signal signal) {
        if (received != null) {
            log.warn("Second SIG{} while stopping; exiting at once", signal.getName());
            Runtime.getRuntime().halt(130);
        }
        received = signal.getName();
        log.info("SIG{} received; stopping", signal.getName());
        requested.countDown();
    }

    /** Blocks until a stop is requested. */
    public void await() throws InterruptedException {
        requested.await();
    }

    /** Whether a stop was requested, waiting at most {@code millis}. */
    public boolean await(long millis) throws InterruptedException {
        return requested.await(millis, TimeUnit.MILLISECONDS);
    }

    public boolean stopRequested() {
        return requested.getCount() == 0;
    }
}
