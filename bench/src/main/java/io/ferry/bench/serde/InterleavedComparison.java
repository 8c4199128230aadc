package io.ferry.bench.serde;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A/B comparison that holds on a shared machine: the two sides run in alternating batches on one thread,
 * so that load from other processes falls on both alike, and the result is the median over rounds of the
 * ratio of the two sides' time per operation in the same round. Complements the JMH runs, whose separate
 * measurement windows see different background load.
 *
 * <p>Usage: {@code InterleavedComparison [ROUNDS] [BATCH] [NAME]} (defaults 200 rounds of 20,000 operations, every
 * comparison; NAME picks those whose name contains it).
 */
public final class InterleavedComparison {
    private static volatile Object sink;

    private InterleavedComparison() {
    }

    private record Pair(String name, String baselineName, Callable<?> baseline, String ferryName, Callable<?> ferry) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        AvroSerdeBenchmark serde = new AvroSerdeBenchmark();
        serde.setUp();
        AvroConverterBenchmark converter = new AvroConverterBenchmark();
        converter.setUp();
        JsonVersusAvroBenchmark json = new JsonVersusAvroBenchmark();
        json.setUp();
        List<Pair> pairs = List.of(
                new Pair("serialize", "plain Avro encode", serde::plainAvroEncode, "KafkaAvroSerializer", serde::ferrySerialize),
                new Pair("deserialize", "plain Avro decode", serde::plainAvroDecode, "KafkaAvroDeserializer", serde::ferryDeserialize),
                new Pair("converter round trip", "plain Avro encode+decode", converter::plainAvroRoundTrip, "AvroConverter",
                        converter::converterRoundTrip),
                new Pair("JSON+schema vs Avro+id", "JsonConverter", json::jsonRoundTrip, "AvroConverter", json::avroRoundTrip));
        System.out.printf("# %d rounds of %d operations per side, interleaved on one thread%n", rounds, batch);
        System.out.printf("%-24s %-26s %12s %-22s %12s %10s%n", "comparison", "baseline", "ns/op (med)", "ferry", "ns/op (med)",
                "ratio (med)");
        String only = args.length > 2 ? args[2] : "";
        for (Pair pair : pairs) {
            if (pair.name().contains(only)) {
                compare(pair, rounds, batch);
            }
        }
        serde.tearDown();
        converter.tearDown();
        json.tearDown();
    }

    private static void compare(Pair pair, int rounds, int batch) throws Exception {
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            time(pair.baseline(), batch / 10);
            time(pair.ferry(), batch / 10);
        }
        List<Double> baseline = new ArrayList<>();
        List<Double> ferry = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double a;
            double b;
            if (round % 2 == 0) {
                a = time(pair.baseline(), batch);
                b = time(pair.ferry(), batch);
            } else {
                b = time(pair.ferry(), batch);
                a = time(pair.baseline(), batch);
            }
            baseline.add(a);
            ferry.add(b);
            ratios.add(b / a);
        }
        System.out.printf("%-24s %-26s %12.0f %-22s %12.0f %10.3f%n", pair.name(), pair.baselineName(), median(baseline),
                pair.ferryName(), median(ferry), median(ratios));
    }

    private static double time(Callable<?> operation, int count) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            sink = operation.call();
        }
        return (System.nanoTime() - start) / (double) count;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
