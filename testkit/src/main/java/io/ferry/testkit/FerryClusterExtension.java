package io.ferry.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link FerryCluster} for a test class (registered on a static field) or for each test
 * (registered on an instance field), and injects it into test methods that ask for one.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FerryClusterExtension KAFKA = FerryClusterExtension.of(FerryCluster.builder().brokers(3));
 * }</pre>
 */
public final class FerryClusterExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final FerryCluster.Builder builder;
    private FerryCluster cluster;
    private boolean perClass;

    private FerryClusterExtension(FerryCluster.Builder builder) {
        this.builder = builder;
    }

    public static FerryClusterExtension of(FerryCluster.Builder builder) {
        return new FerryClusterExtension(builder);
    }

    /** One in-process broker (or the outside cluster of the environment). */
    public static FerryClusterExtension singleBroker() {
        return of(FerryCluster.builder());
    }

    /** The running cluster; only valid inside a test's lifecycle. */
    public FerryCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the cluster runs only while a test of the class runs");
        }
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        cluster = builder.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass) {
            closeCluster();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (cluster == null) {
            cluster = builder.start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            closeCluster();
        }
    }

    private void closeCluster() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FerryCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster();
    }
}
