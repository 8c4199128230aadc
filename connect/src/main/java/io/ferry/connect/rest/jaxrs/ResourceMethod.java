package io.ferry.connect.rest.jaxrs;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One resource method of a resource an extension registered: its HTTP method, the template of its
 * class's and its own {@code @Path}, the media types it consumes and produces (its own {@code
 * @Consumes}/{@code @Produces}, else its class's, else any), and how each parameter is bound. Immutable.
 *
 * @param httpMethod the HTTP method, upper case
 * @param resource   the resource instance a request is served by: the registered object, or a new one per request
 */
record ResourceMethod(String httpMethod, PathTemplate path, Method method, Supplier<Object> resource,
                      List<MediaType> consumes, List<MediaType> produces, List<ParameterBinder> parameters) {
    private static final Logger log = LoggerFactory.getLogger(ResourceMethod.class);

    /**
     * The resource methods of a class annotated {@code @Path}: its public methods annotated with an HTTP
     * method ({@code @GET}, {@code @POST}, … or any annotation meta-annotated {@code @HttpMethod}), on the
     * method itself or on the method it overrides or implements.
     *
     * @throws IllegalArgumentException naming the class or method when a template or a parameter cannot be served
     */
    static List<ResourceMethod> of(Class<?> type, Supplier<Object> resource, ObjectMapper json) {
        Path root = type.getAnnotation(Path.class);
        List<ResourceMethod> methods = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.isBridge() || method.isSynthetic() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method annotated = annotatedDeclaration(method);
            String httpMethod = annotated == null ? null : httpMethodOf(annotated);
            if (httpMethod == null) {
                if (annotated != null) {
                    log.warn("Ignoring {}.{} of a REST extension: sub-resource locators (@Path without an HTTP method) are not supported",
                            type.getName(), method.getName());
                }
                continue;
            }
            method.trySetAccessible();
            Path own = annotated.getAnnotation(Path.class);
            PathTemplate template = PathTemplate.parse(root.value(), own == null ? "" : own.value());
            List<ParameterBinder> binders = new ArrayList<>();
            int entities = 0;
            for (Parameter parameter : annotated.getParameters()) {
                binders.add(ParameterBinder.of(method, parameter, json));
                entities += ParameterBinder.isEntity(parameter) ? 1 : 0;
            }
            if (entities > 1) {
                throw new IllegalArgumentException("The resource method " + type.getName() + "." + method.getName() + " has " + entities
                        + " entity parameters (without @PathParam, @QueryParam, @HeaderParam or @Context): JAX-RS reads the body into one");
            }
            methods.add(new ResourceMethod(httpMethod, template, method, resource,
                    mediaTypes(annotated, type, Consumes.class), mediaTypes(annotated, type, Produces.class), List.copyOf(binders)));
        }
        return methods;
    }

    /** The method itself if JAX-RS annotates it, else the first overridden or implemented method that is annotated. */
    private static Method annotatedDeclaration(Method method) {
        if (httpMethodOf(method) != null || method.isAnnotationPresent(Path.class)) {
            return method;
        }
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
            types.add(type.getSuperclass());
            types.addAll(Arrays.asList(type.getInterfaces()));
        }
        for (Class<?> type : types) {
            if (type == null) {
                continue;
            }
            try {
                Method declared = type.getMethod(method.getName(), method.getParameterTypes());
                if (httpMethodOf(declared) != null) {
                    return declared;
                }
            } catch (NoSuchMethodException e) {
                // not declared there: look further up
            }
        }
        return null;
    }

    private static String httpMethodOf(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static List<MediaType> mediaTypes(Method method, Class<?> type, Class<? extends Annotation> kind) {
        Annotation annotation = method.getAnnotation(kind);
        if (annotation == null) {
            annotation = type.getAnnotation(kind);
        }
        if (annotation == null) {
            return List.of();
        }
        String[] values = annotation instanceof Produces produces ? produces.value() : ((Consumes) annotation).value();
        List<MediaType> types = new ArrayList<>();
        for (String value : values) {
            for (String single : value.split(",")) {
                if (!single.isBlank()) {
                    types.add(MediaType.valueOf(single.trim()));
                }
            }
        }
        return List.copyOf(types);
    }

    /**
     * Calls the method on its resource with the bound parameters.
     *
     * @throws InvocationTargetException wrapping what the method threw
     */
    Object invoke(ResourceRequest request) throws InvocationTargetException {
        Object target = resource.get();
        Object[] arguments = new Object[parameters.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = parameters.get(i).bind(request);
        }
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call the resource method " + method, e);
        }
    }

    @Override
    public String toString() {
        return httpMethod + " " + path + " (" + method.getDeclaringClass().getName() + "." + method.getName() + ")";
    }
}
