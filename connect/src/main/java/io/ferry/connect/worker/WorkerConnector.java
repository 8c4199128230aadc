package io.ferry.connect.worker;

import io.ferry.connect.worker.task.LoggingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.ferry.connect.model.State;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.plugins.LoaderSwap;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector instance on a thread of its own ({@code connector-thread-<name>}), so a slow or
 * stuck {@code start()} never blocks the herder. Every call to the plugin — initialise, start, stop,
 * task configs — runs there, in order, with the connector's class loader as the context loader.
 *
 * <p>Paused and stopped connectors are not running: their {@code stop()} was called, and
 * {@code start()} is called again on resume. A failure in any call marks the connector failed.
 */
public final class WorkerConnector {
    private static final Logger log = LoggerFactory.getLogger(WorkerConnector.class);

    private final String name;
    private final Connector connector;
    private final Map<String, String> config;
    private final ConnectorStatusListener listener;
    private final ClassLoader loader;
    private final ExecutorService thread;
    private boolean running;
    private boolean failed;
    private TargetState state;
    private volatile State reported = State.UNASSIGNED;

    public WorkerConnector(String name, Connector connector, Map<String, String> config, ConnectorStatusListener listener,
            ClassLoader loader) {
        this.name = name;
        this.connector = connector;
        this.config = config;
        this.listener = listener;
        this.loader = loader;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "connector-thread-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    public String name() {
        return name;
    }

    public Connector connector() {
        return connector;
    }

    /** Initialises the connector and brings it to the target state. */
    public CompletableFuture<Void> start(ConnectorContext context, TargetState target) {
        return call(() -> {
            connector.initialize(context);
            moveTo(target, true);
            return null;
        });
    }

    public CompletableFuture<Void> transitionTo(TargetState target) {
        return call(() -> {
            moveTo(target, false);
            return null;
        });
    }

    private void moveTo(TargetState target, boolean initial) {
        if (failed) {
            log.debug("Connector {} has failed; it stays failed until restarted", name);
            return;
        }
        try {
            if (target == TargetState.STARTED && !running) {
                connector.start(config);
                running = true;
                reported = State.RUNNING;
                if (initial || state == null) {
                    listener.onStartup(name);
                } else {
                    listener.onResume(name);
                }
            } else if (target != TargetState.STARTED && running) {
                connector.stop();
                running = false;
            }
            if (target == TargetState.PAUSED && state != TargetState.PAUSED) {
                reported = State.PAUSED;
                listener.onPause(name);
            } else if (target == TargetState.STOPPED && state != TargetState.STOPPED) {
                reported = State.STOPPED;
                listener.onStop(name);
            }
            state = target;
        } catch (RuntimeException | LinkageError e) {
            fail(e);
        }
    }

    /** The task configs the connector asks for; empty unless it is running. */
    public CompletableFuture<List<Map<String, String>>> taskConfigs(int maxTasks) {
        return call(() -> running ? connector.taskConfigs(maxTasks) : List.of());
    }

    /** The connector raised an error itself ({@code ConnectorContext.raiseError}). */
    public void raiseError(Exception error) {
        call(() -> {
            fail(error);
            return null;
        });
    }

    private void fail(Throwable error) {
        log.error("Connector {} failed", name, error);
        failed = true;
        reported = State.FAILED;
        if (running) {
            try {
                connector.stop();
            } catch (RuntimeException e) {
                log.warn("Connector {} also failed to stop after failing", name, e);
            }
            running = false;
        }
        listener.onFailure(name, error);
    }

    /** The state the connector last reported; read from any thread. */
    public State state() {
        return reported;
    }

    public boolean isRunning() {
        return call(() -> running).join();
    }

    /** Stops the connector if it runs and ends its thread; waits up to the timeout. */
    public boolean shutdown(long timeoutMs) {
        CompletableFuture<Void> stopped = call(() -> {
            if (running) {
                try {
                    connector.stop();
                } catch (RuntimeException e) {
                    log.error("Connector {} failed to stop cleanly", name, e);
                }
                running = false;
            }
            if (!failed) {
                reported = State.UNASSIGNED;
                listener.onShutdown(name);
            }
            return null;
        });
        thread.shutdown();
        try {
            stopped.get(timeoutMs, TimeUnit.MILLISECONDS);
            return thread.awaitTermination(Math.max(1, timeoutMs), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("Connector {} did not stop within {} ms; leaving its thread behind", name, timeoutMs);
            thread.shutdownNow();
            return false;
        }
    }

    private <T> CompletableFuture<T> call(ThrowingSupplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try (LoggingContext context = LoggingContext.forConnector(name); LoaderSwap swap = LoaderSwap.to(loader)) {
                    result.complete(action.get());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new ConnectException("Connector " + name + " is shut down"));
        }
        return result;
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
