package io.ferry.connect.rest.jaxrs;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exception mappers REST extensions registered, and which one answers an exception, as JAX-RS
 * chooses it: the mapper whose exception type is the nearest superclass of the exception (or its own
 * class); between mappers of the same type, the one of lowest priority value, then the first
 * registered. Immutable.
 */
final class ExceptionMappers {
    private static final Logger log = LoggerFactory.getLogger(ExceptionMappers.class);

    /** A mapper and the exception type its {@code ExceptionMapper<E>} names. */
    private record Mapper(ExceptionMapper<?> mapper, Class<?> type, int priority, int order) {
    }

    static final ExceptionMappers NONE = new ExceptionMappers(List.of());

    private final List<Mapper> mappers;

    private ExceptionMappers(List<Mapper> mappers) {
        this.mappers = mappers;
    }

    /**
     * These mappers and another one.
     *
     * @throws IllegalArgumentException naming the mapper's class when its exception type cannot be told
     *                                  (a raw {@code ExceptionMapper}, or a type variable no subclass binds)
     */
    ExceptionMappers with(ExceptionMapper<?> mapper, int priority) {
        Class<?> type = exceptionType(mapper.getClass());
        if (type == null) {
            throw new IllegalArgumentException("The REST extension exception mapper " + mapper.getClass().getName()
                    + " does not name the exception type it maps: implement ExceptionMapper<SomeException>");
        }
        List<Mapper> all = new ArrayList<>(mappers);
        all.add(new Mapper(mapper, type, priority, mappers.size()));
        return new ExceptionMappers(List.copyOf(all));
    }

    /**
     * The response the exception is answered with, as JAX-RS maps it: by the {@linkplain #find mapper} of
     * the nearest type, unless it is a {@link WebApplicationException} whose response has an entity; a
     * mapper that throws answers 500 with Apache's error body ({@link ResourceResponses#failure}).
     * Empty when no mapper applies. A mapper returning {@code null} answers 204, as JAX-RS says.
     */
    Optional<Response> answer(Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse().hasEntity()) {
            return Optional.empty();
        }
        return find(failure).map(mapper -> {
            try {
                Response mapped = mapper.toResponse(failure);
                return mapped != null ? mapped : Response.noContent().build();
            } catch (RuntimeException e) {
                log.error("The REST extension exception mapper {} failed mapping {}", mapper.getClass().getName(), failure, e);
                return ResourceResponses.failure(new InternalServerErrorException(e.getMessage()));
            }
        });
    }

    /** The mapper that answers the exception, if any maps its class or one of its superclasses. */
    @SuppressWarnings("unchecked")
    Optional<ExceptionMapper<Throwable>> find(Throwable exception) {
        return mappers.stream().filter(mapper -> mapper.type().isInstance(exception))
                .min(Comparator.<Mapper>comparingInt(mapper -> distance(exception.getClass(), mapper.type()))
                        .thenComparingInt(Mapper::priority).thenComparingInt(Mapper::order))
                .map(mapper -> (ExceptionMapper<Throwable>) mapper.mapper());
    }

    private static int distance(Class<?> exception, Class<?> type) {
        int steps = 0;
        for (Class<?> current = exception; current != type; current = current.getSuperclass()) {
            steps++;
        }
        return steps;
    }

    /**
     * The {@code E} of {@code ExceptionMapper<E>} a class implements, directly or through generic base
     * classes and interfaces whose type variables its subclasses bind; {@code null} when none binds it.
     */
    static Class<?> exceptionType(Class<?> mapperClass) {
        return resolve(mapperClass, mapperClass, new ArrayList<>());
    }

    /**
     * @param bindings the type arguments given on the way down from the mapper's class, nearest last
     */
    private static Class<?> resolve(Type type, Class<?> mapperClass, List<ParameterizedType> bindings) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        if (type instanceof ParameterizedType parameterized && raw == ExceptionMapper.class) {
            return classOf(parameterized.getActualTypeArguments()[0], bindings);
        }
        List<Type> supertypes = new ArrayList<>(List.of(raw.getGenericInterfaces()));
        if (raw.getGenericSuperclass() != null) {
            supertypes.add(raw.getGenericSuperclass());
        }
        for (Type supertype : supertypes) {
            Class<?> superRaw = supertype instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) supertype;
            if (!ExceptionMapper.class.isAssignableFrom(superRaw)) {
                continue;
            }
            List<ParameterizedType> deeper = new ArrayList<>(bindings);
            if (supertype instanceof ParameterizedType parameterized) {
                deeper.add(parameterized);
            }
            Class<?> found = resolve(supertype, mapperClass, deeper);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The class a type argument stands for, following type variables up the arguments given on the way down. */
    private static Class<?> classOf(Type argument, List<ParameterizedType> bindings) {
        Type current = argument;
        for (int i = bindings.size() - 2; i >= 0 && current instanceof TypeVariable<?> variable; i--) {
            current = bound(variable, bindings.get(i));
        }
        if (current instanceof ParameterizedType parameterized) {
            current = parameterized.getRawType();
        }
        return current instanceof Class<?> type && Throwable.class.isAssignableFrom(type) ? type : null;
    }

    /** What a parameterized supertype gives the variable, which its raw type declares; the variable itself if it does not. */
    private static Type bound(TypeVariable<?> variable, ParameterizedType given) {
        TypeVariable<?>[] declared = ((Class<?>) given.getRawType()).getTypeParameters();
        for (int i = 0; i < declared.length; i++) {
            if (declared[i].equals(variable)) {
                return given.getActualTypeArguments()[i];
            }
        }
        return variable;
    }
}
