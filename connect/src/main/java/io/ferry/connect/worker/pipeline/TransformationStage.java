package io.ferry.connect.worker.pipeline;

import io.ferry.connect.plugins.LoaderSwap;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * One transformation of a chain, applied to a record only when its predicate (if any) matches — or,
 * negated, when it does not. The plugins run with their own class loader as the context loader.
 */
public final class TransformationStage<R extends ConnectRecord<R>> implements AutoCloseable {
    private final String alias;
    private final Transformation<R> transformation;
    private final Predicate<R> predicate;
    private final boolean negate;
    private final ClassLoader loader;
    private final ClassLoader predicateLoader;

    /**
     * @param loader          the transformation's context loader
     * @param predicateLoader the predicate's context loader — its own, which may be another than the transformation's
     *                        (one may be the copy packaged with the connector, the other installed elsewhere); ignored
     *                        without a predicate
     */
    public TransformationStage(String alias, Transformation<R> transformation, Predicate<R> predicate, boolean negate,
            ClassLoader loader, ClassLoader predicateLoader) {
        this.alias = alias;
        this.transformation = transformation;
        this.predicate = predicate;
        this.negate = negate;
        this.loader = loader;
        this.predicateLoader = predicateLoader;
    }

    /** @return the transformed record, or null when the transformation drops it */
    public R apply(R record) {
        if (predicate != null) {
            try (LoaderSwap swap = LoaderSwap.to(predicateLoader)) {
                if (predicate.test(record) == negate) {
                    return record;
                }
            }
        }
        try (LoaderSwap swap = LoaderSwap.to(loader)) {
            return transformation.apply(record);
        }
    }

    public String alias() {
        return alias;
    }

    public Class<?> transformationClass() {
        return transformation.getClass();
    }

    @Override
    public void close() {
        try (LoaderSwap swap = LoaderSwap.to(loader)) {
            transformation.close();
        } finally {
            if (predicate != null) {
                try (LoaderSwap swap = LoaderSwap.to(predicateLoader)) {
                    predicate.close();
                }
            }
        }
    }

    @Override
    public String toString() {
        return alias + " (" + transformation.getClass().getName() + (predicate == null ? ""
                : (negate ? ", unless " : ", if ") + predicate.getClass().getName()) + ")";
    }
}
