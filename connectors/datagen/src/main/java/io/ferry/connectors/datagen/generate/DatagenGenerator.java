package io.ferry.connectors.datagen.generate;

/** Makes one value of one schema: a function of the draw alone, so the same draw makes the same value. */
@FunctionalInterface
public interface DatagenGenerator {
    /** A value valid for the Connect schema this generator was compiled with; null only for an optional one. */
    Object next(DatagenDraw draw);
}
