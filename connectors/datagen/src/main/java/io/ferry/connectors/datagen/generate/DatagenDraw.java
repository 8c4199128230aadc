package io.ferry.connectors.datagen.generate;

import java.util.SplittableRandom;

/**
 * What a generator draws from for one record: a random source seeded for that record alone and the
 * record's sequence number, from which {@code iteration} hints count.
 */
public record DatagenDraw(SplittableRandom random, long sequence) {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The draw of record {@code sequence} of task {@code task}: the same three numbers, the same draw. */
    public static DatagenDraw of(long seed, int task, long sequence) {
        long mixed = mix(seed + GOLDEN_GAMMA);
        mixed = mix(mixed ^ (task + 1L) * GOLDEN_GAMMA);
        mixed = mix(mixed ^ (sequence + 1L) * 0xBF58476D1CE4E5B9L);
        return new DatagenDraw(new SplittableRandom(mixed), sequence);
    }

    // SplitMix64's finaliser: neighbouring inputs give unrelated outputs, so record n and n+1 share nothing.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
