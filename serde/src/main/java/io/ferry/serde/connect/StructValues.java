package io.ferry.serde.connect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Fills a {@link Struct} with values already known to fit its schema. {@code Struct.put} checks every value
 * against its schema, including each element of arrays and maps, which costs as much as decoding them; the
 * binary reader decodes values from the schema itself, so it writes them into the struct's value array
 * directly. Falls back to {@code put} when the struct's internals are not as expected (another Connect
 * version).
 */
final class StructValues {
    private static final VarHandle VALUES = valuesHandle();

    private StructValues() {
    }

    private static VarHandle valuesHandle() {
        try {
            VarHandle handle = MethodHandles.privateLookupIn(Struct.class, MethodHandles.lookup())
                    .findVarHandle(Struct.class, "values", Object[].class);
            return handle;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The struct's value array, or {@code null} when it cannot be reached. */
    static Object[] valuesOf(Struct struct) {
        return VALUES == null ? null : (Object[]) VALUES.get(struct);
    }

    static void set(Struct struct, Object[] values, Field field, Object value) {
        if (values != null) {
            values[field.index()] = value;
        } else {
            struct.put(field, value);
        }
    }
}
