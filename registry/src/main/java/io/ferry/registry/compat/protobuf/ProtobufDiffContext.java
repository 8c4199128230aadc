package io.ferry.registry.compat.protobuf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.squareup.wire.schema.internal.parser.MessageElement;
import io.ferry.registry.compat.protobuf.ProtobufTypeIndex.DeclaredType;

/**
 * Where a comparison is and what it found: the location path of the element being compared, the scope that
 * names resolve in, the messages being compared (so a recursive type is compared once), and the differences.
 * Used by one thread, for one comparison.
 */
final class ProtobufDiffContext {

    private final Map<ProtobufSide, ProtobufTypeIndex> indexes;
    private final Map<ProtobufSide, String> packages = new EnumMap<>(ProtobufSide.class);
    private final Set<MessageElement> inProgress;
    private final Deque<String> path = new ArrayDeque<>();
    // The message names within the path: the scope in which a relative type name is looked up.
    private final Deque<String> scope = new ArrayDeque<>();
    private final List<ProtobufDifference> differences = new ArrayList<>();

    ProtobufDiffContext(ProtobufTypeIndex writer, ProtobufTypeIndex reader) {
        this(new EnumMap<>(Map.of(ProtobufSide.WRITER, writer, ProtobufSide.READER, reader)),
                Collections.newSetFromMap(new IdentityHashMap<>()));
        packages.put(ProtobufSide.WRITER, writer.packageName());
        packages.put(ProtobufSide.READER, reader.packageName());
    }

    private ProtobufDiffContext(Map<ProtobufSide, ProtobufTypeIndex> indexes, Set<MessageElement> inProgress) {
        this.indexes = indexes;
        this.inProgress = inProgress;
    }

    ProtobufTypeIndex index(ProtobufSide side) {
        return indexes.get(side);
    }

    /**
     * A context for comparing a message type declared elsewhere (another file, another package): it shares the
     * messages in progress, starts its path and scope at the type's name, resolves names in the types' packages,
     * and collects its own differences.
     */
    ProtobufDiffContext forDeclaredType(DeclaredType writerType, DeclaredType readerType, String localName) {
        ProtobufDiffContext sub = new ProtobufDiffContext(indexes, inProgress);
        sub.packages.put(ProtobufSide.WRITER, writerType.packageName());
        sub.packages.put(ProtobufSide.READER, readerType.packageName());
        List<String> steps = Arrays.asList(localName.split("\\."));
        sub.path.addAll(steps);
        sub.scope.addAll(steps);
        return sub;
    }

    /** Steps into an element that is not a type (a oneof, a field number); close to step out. */
    Step enterPath(String step) {
        path.addLast(step);
        return path::removeLast;
    }

    /**
     * Pairs the writer's and the reader's elements by key (a field or constant number, a oneof name) and
     * compares each pair with a path step named by the key; an element one side lacks is paired with
     * {@code null}. Keys come in order: ascending for sorted maps, else the writer's then the reader's.
     */
    <K, T> void pairUp(Map<K, T> writer, Map<K, T> reader, BiConsumer<T, T> compare) {
        pairUp(writer, reader, compare, key -> enterPath(key.toString()));
    }

    /**
     * The usual comparison of a pair from {@link #pairUp}: an element the reader lacks is {@code whenRemoved},
     * one the writer lacks is {@code whenAdded}, and two are compared with {@code whenBoth}.
     */
    <T> BiConsumer<T, T> comparing(ProtobufChange whenRemoved, ProtobufChange whenAdded, BiConsumer<T, T> whenBoth) {
        return (written, read) -> {
            if (read == null) {
                add(whenRemoved);
            } else if (written == null) {
                add(whenAdded);
            } else {
                whenBoth.accept(written, read);
            }
        };
    }

    /** {@link #pairUp} for types (messages, enums) by name, whose names also scope the names inside them. */
    <T> void pairUpTypes(Map<String, T> writer, Map<String, T> reader, BiConsumer<T, T> compare) {
        pairUp(writer, reader, compare, this::enterType);
    }

    private <K, T> void pairUp(Map<K, T> writer, Map<K, T> reader, BiConsumer<T, T> compare,
            Function<K, Step> enter) {
        Set<K> keys = writer instanceof SortedMap ? new TreeSet<>(writer.keySet()) : new LinkedHashSet<>(writer.keySet());
        keys.addAll(reader.keySet());
        for (K key : keys) {
            try (Step step = enter.apply(key)) {
                compare.accept(writer.get(key), reader.get(key));
            }
        }
    }

    /** Steps into a message or enum, whose name also scopes the type names used inside it. */
    Step enterType(String name) {
        path.addLast(name);
        scope.addLast(name);
        return () -> {
            scope.removeLast();
            path.removeLast();
        };
    }

    /**
     * Marks a writer's message as being compared.
     *
     * @return false when it already is (a recursive type): the caller must not compare its fields again
     */
    boolean startMessage(MessageElement writerMessage) {
        return inProgress.add(writerMessage);
    }

    void finishMessage(MessageElement writerMessage) {
        inProgress.remove(writerMessage);
    }

    void add(ProtobufChange change) {
        differences.add(new ProtobufDifference(change, "#/" + String.join("/", path)));
    }

    void addAll(List<ProtobufDifference> found) {
        differences.addAll(found);
    }

    List<ProtobufDifference> differences() {
        return differences;
    }

    boolean compatible() {
        return differences.stream().allMatch(d -> d.change().compatible());
    }

    /** The declared type a field's type name refers to, looked up as Protobuf scoping rules look it up. */
    Optional<DeclaredType> type(String name, ProtobufSide side) {
        return resolve(name, side).flatMap(index(side)::byFullName);
    }

    /**
     * The full name (without leading dot) a type name used at the current scope refers to: a name with a
     * leading dot is absolute; any other is tried in the innermost scope first, then outwards to the package,
     * then on its own.
     */
    Optional<String> resolve(String name, ProtobufSide side) {
        ProtobufTypeIndex index = index(side);
        if (name.startsWith(".")) {
            String absolute = name.substring(1);
            return index.byFullName(absolute).map(t -> absolute);
        }
        Deque<String> prefix = new ArrayDeque<>();
        String pkg = packages.get(side);
        if (!pkg.isEmpty()) {
            prefix.addAll(Arrays.asList(pkg.split("\\.")));
        }
        prefix.addAll(scope);
        while (!prefix.isEmpty()) {
            String candidate = String.join(".", prefix) + "." + name;
            if (index.byFullName(candidate).isPresent()) {
                return Optional.of(candidate);
            }
            prefix.removeLast();
        }
        return index.byFullName(name).map(t -> name);
    }

    /** A step into the path, undone on close. */
    @FunctionalInterface
    interface Step extends AutoCloseable {
        @Override
        void close();
    }
}
