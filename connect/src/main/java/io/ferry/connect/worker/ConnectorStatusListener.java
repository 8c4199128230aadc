package io.ferry.connect.worker;

/**
 * Told of every change in a connector's life. Called on the connector's thread; implementations
 * must not block it for long.
 */
public interface ConnectorStatusListener {

    void onStartup(String connector);

    void onPause(String connector);

    void onStop(String connector);

    void onResume(String connector);

    /** The connector failed (in a call, or by raising an error); it does not run again until restarted. */
    void onFailure(String connector, Throwable cause);

    void onShutdown(String connector);
}
