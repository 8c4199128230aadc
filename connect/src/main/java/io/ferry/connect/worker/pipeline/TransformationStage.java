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

    public TransformationStage(String alias, Transformation<R> transformation, Predicate<R> predicate, boolean negate,
            ClassLoader loader) {
        this.alias = alias;
        this.transformation = transformation;
        this.predicate = predicate;
        this.negate = negate;
        this.loader = loader;
    }

    /** @return the transformed record, or null when the transformation drops it */
    public R apply(R record) {
        try (LoaderSwap swap = LoaderSwap.to(loader)) {
            if (predicate != null && predicate.test(record) == negate) {
                return record;
            }
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
            if (predicate != null) {
                predicate.close();
            }
        }
    }

    @Override
    public String toString() {
        return alias + " (" + transformation.getClass().getName() + (predicate == null ? ""
                : (negate ? ", unless " : ", if ") + predicate.getClass().getName()) + ")";
    }
}
