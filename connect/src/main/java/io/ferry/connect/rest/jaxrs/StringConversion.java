package io.ferry.connect.rest.jaxrs;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns the text of a path, query or header parameter into the type of the method parameter it binds,
 * with JAX-RS's rules: {@code String}; a primitive or its wrapper; an enum; a type with a public
 * static {@code valueOf(String)} or {@code fromString(String)}, or a public constructor taking one
 * {@code String}; or a {@code List}, {@code Set} or {@code SortedSet} of one of those, holding every
 * value. Immutable.
 */
final class StringConversion {
    private static final Map<Class<?>, Object> PRIMITIVE_DEFAULTS = Map.of(boolean.class, false, char.class, '\0', byte.class, (byte) 0,
            short.class, (short) 0, int.class, 0, long.class, 0L, float.class, 0f, double.class, 0d);
    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(boolean.class, Boolean.class, char.class, Character.class, byte.class, Byte.class,
            short.class, Short.class, int.class, Integer.class, long.class, Long.class, float.class, Float.class, double.class, Double.class);

    private final Class<?> collection;
    private final Function<String, Object> element;
    private final Object whenAbsent;

    private StringConversion(Class<?> collection, Function<String, Object> element, Object whenAbsent) {
        this.collection = collection;
        this.element = element;
        this.whenAbsent = whenAbsent;
    }

    /**
     * The conversion to a parameter's type.
     *
     * @throws IllegalArgumentException naming the type when no rule converts text to it
     */
    static StringConversion to(Class<?> type, Type genericType) {
        if (type == List.class || type == Set.class || type == SortedSet.class || type == Collection.class) {
            Type item = genericType instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0] : String.class;
            if (!(item instanceof Class<?> itemClass)) {
                throw new IllegalArgumentException("Cannot convert parameter text to the elements of " + genericType);
            }
            return new StringConversion(type, single(itemClass), null);
        }
        return new StringConversion(null, single(type), PRIMITIVE_DEFAULTS.get(type));
    }

    /**
     * Whether these values count as the parameter's absence, so that its {@code @DefaultValue} applies:
     * none, or, for a primitive, a blank first value ({@code ?limit=}), as JAX-RS runtimes read them.
     */
    boolean absent(List<String> values) {
        return values == null || values.isEmpty() || (collection == null && whenAbsent != null && values.get(0).isBlank());
    }

    /**
     * Converts the values of a parameter: the first for a single value, all for a collection; no value
     * gives {@code null}, a primitive's zero or an empty collection.
     *
     * @throws IllegalArgumentException when a value cannot be converted, naming it
     */
    Object convert(List<String> values) {
        if (collection == null) {
            return absent(values) ? whenAbsent : element.apply(values.get(0));
        }
        Collection<Object> converted = collection == SortedSet.class ? new TreeSet<>()
                : collection == Set.class ? new LinkedHashSet<>() : new ArrayList<>();
        if (values != null) {
            values.forEach(value -> converted.add(element.apply(value)));
        }
        return converted;
    }

    private static Function<String, Object> single(Class<?> type) {
        Class<?> target = WRAPPERS.getOrDefault(type, type);
        if (target == String.class || target == Object.class) {
            return value -> value;
        }
        if (target == Character.class) {
            return value -> {
                if (value.length() != 1) {
                    throw new IllegalArgumentException("'" + value + "' is not one character");
                }
                return value.charAt(0);
            };
        }
        if (target.isEnum()) {
            Method fromString = staticFactory(target, "fromString");
            return fromString != null ? value -> invoke(fromString, value, target) : value -> enumConstant(target, value);
        }
        Method factory = staticFactory(target, "valueOf");
        if (factory == null) {
            factory = staticFactory(target, "fromString");
        }
        if (factory != null) {
            Method chosen = factory;
            return value -> invoke(chosen, value, target);
        }
        try {
            Constructor<?> constructor = target.getConstructor(String.class);
            return value -> construct(constructor, value, target);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Cannot convert parameter text to " + type.getName()
                    + ": it has no static valueOf(String) or fromString(String) and no constructor taking a String");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String value) {
        return Enum.valueOf((Class) type, value);
    }

    private static Method staticFactory(Class<?> type, String name) {
        try {
            Method method = type.getMethod(name, String.class);
            return Modifier.isStatic(method.getModifiers()) && type.isAssignableFrom(method.getReturnType()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object invoke(Method factory, String value, Class<?> type) {
        try {
            return factory.invoke(null, value);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid " + type.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("Cannot call " + factory, e);
        }
    }

    private static Object construct(Constructor<?> constructor, String value, Class<?> type) {
        try {
            return constructor.newInstance(value);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid " + type.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot call " + constructor, e);
        }
    }
}
