package io.ferry.connect.plugins;

/**
 * Makes a plugin's class loader the thread's context class loader until closed, so that what the
 * plugin loads by name (a JDBC driver, a service) comes from its own loader.
 *
 * <pre>{@code try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(connector.getClass()))) { connector.start(props); }}</pre>
 */
public final class LoaderSwap implements AutoCloseable {
    private final Thread thread;
    private final ClassLoader previous;

    private LoaderSwap(ClassLoader loader) {
        this.thread = Thread.currentThread();
        this.previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
    }

    public static LoaderSwap to(ClassLoader loader) {
        return new LoaderSwap(loader);
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
