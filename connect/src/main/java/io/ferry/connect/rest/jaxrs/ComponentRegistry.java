package io.ferry.connect.rest.jaxrs;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Configurable;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What REST extensions register: the {@link Configurable} of their {@code ConnectRestExtensionContext}.
 *
 * <p>Resources, classes annotated {@code @Path}, are served ({@link JaxRsResources}): an object is the
 * one instance every request uses; a class is made per request through its public no-arg constructor,
 * which is checked here.
 *
 * <p>Request and response filters, as instances or as classes (made through their public no-arg
 * constructor), are kept and run on every request, ordered as JAX-RS orders them: request filters by
 * ascending priority, response filters by descending priority, and in registration order on a tie.
 * The priority is the one given to {@code register}, else the class's {@code @Priority} ({@code
 * jakarta.annotation} or the older {@code javax.annotation}), else {@link Priorities#USER}.
 *
 * <p>Exception mappers, as instances or as classes (made likewise), answer the exceptions of the
 * resources ({@link ExceptionMappers} chooses which). Anything else (features, providers such as message
 * body readers) is logged and ignored. Registering the same class twice is ignored with a warning, as JAX-RS says.
 *
 * <p>Registration happens at start-up, from one thread; reading the filters afterwards is thread-safe.
 */
public final class ComponentRegistry implements Configurable<ComponentRegistry>, Configuration {
    private static final Logger log = LoggerFactory.getLogger(ComponentRegistry.class);
    private static final List<String> PRIORITY_ANNOTATIONS = List.of("jakarta.annotation.Priority", "javax.annotation.Priority");

    /** A component: a filter, or a resource (whose component is {@code null} when it is made per request). */
    private record Registered(Object component, int priority, int order) {
    }

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<Class<?>, Registered> registered = new LinkedHashMap<>();
    private volatile List<ContainerRequestFilter> requestFilters = List.of();
    private volatile List<ContainerResponseFilter> responseFilters = List.of();
    private volatile List<ResourceMethod> resourceMethods = List.of();
    private volatile ExceptionMappers exceptionMappers = ExceptionMappers.NONE;

    /** The request filters, in the order they run. */
    public List<ContainerRequestFilter> requestFilters() {
        return requestFilters;
    }

    /** The response filters, in the order they run. */
    public List<ContainerResponseFilter> responseFilters() {
        return responseFilters;
    }

    /** The resource methods of the resources, in registration order. */
    List<ResourceMethod> resourceMethods() {
        return resourceMethods;
    }

    /** The exception mappers, which answer what the resource methods throw. */
    ExceptionMappers exceptionMappers() {
        return exceptionMappers;
    }

    /** Whether no filter was registered. */
    public boolean hasNoFilters() {
        return requestFilters.isEmpty() && responseFilters.isEmpty();
    }

    /** Whether no resource was registered. */
    public boolean hasNoResources() {
        return resourceMethods.isEmpty();
    }

    @Override
    public Configuration getConfiguration() {
        return this;
    }

    @Override
    public ComponentRegistry property(String name, Object value) {
        if (value == null) {
            properties.remove(name);
        } else {
            properties.put(name, value);
        }
        return this;
    }

    @Override
    public ComponentRegistry register(Class<?> componentClass) {
        return add(componentClass, null, null);
    }

    @Override
    public ComponentRegistry register(Class<?> componentClass, int priority) {
        return add(componentClass, null, priority);
    }

    @Override
    public ComponentRegistry register(Class<?> componentClass, Class<?>... contracts) {
        return add(componentClass, null, null);
    }

    @Override
    public ComponentRegistry register(Class<?> componentClass, Map<Class<?>, Integer> contracts) {
        return add(componentClass, null, firstPriority(contracts));
    }

    @Override
    public ComponentRegistry register(Object component) {
        return add(component.getClass(), component, null);
    }

    @Override
    public ComponentRegistry register(Object component, int priority) {
        return add(component.getClass(), component, priority);
    }

    @Override
    public ComponentRegistry register(Object component, Class<?>... contracts) {
        return add(component.getClass(), component, null);
    }

    @Override
    public ComponentRegistry register(Object component, Map<Class<?>, Integer> contracts) {
        return add(component.getClass(), component, firstPriority(contracts));
    }

    private static Integer firstPriority(Map<Class<?>, Integer> contracts) {
        return contracts == null || contracts.isEmpty() ? null : contracts.values().iterator().next();
    }

    private synchronized ComponentRegistry add(Class<?> type, Object instance, Integer priority) {
        boolean resource = type.isAnnotationPresent(Path.class);
        if (!isFilter(type) && !resource && !isExceptionMapper(type)) {
            log.warn("Ignoring {} registered by a REST extension: Ferry's REST API runs JAX-RS resources, ContainerRequestFilter, "
                    + "ContainerResponseFilter and ExceptionMapper components only, not features or other providers", type.getName());
            return this;
        }
        if (registered.containsKey(type)) {
            log.warn("Ignoring {} registered by a REST extension: a component of that class is already registered", type.getName());
            return this;
        }
        if (resource) {
            addResource(type, instance);
            registered.put(type, new Registered(instance, Priorities.USER, registered.size()));
            return this;
        }
        Object component = instance != null ? instance : instantiate(type);
        int effective = priority != null ? priority : priorityOf(type);
        if (component instanceof ExceptionMapper<?> mapper) {
            exceptionMappers = exceptionMappers.with(mapper, effective);
        }
        registered.put(type, new Registered(component, effective, registered.size()));
        requestFilters = sorted(ContainerRequestFilter.class, Comparator.comparingInt(Registered::priority));
        responseFilters = sorted(ContainerResponseFilter.class, Comparator.comparingInt(Registered::priority).reversed());
        return this;
    }

    private void addResource(Class<?> type, Object instance) {
        Supplier<Object> resource;
        if (instance != null) {
            resource = () -> instance;
        } else {
            Constructor<?> constructor = publicNoArgConstructor(type, "resource");
            resource = () -> newResource(constructor);
        }
        List<ResourceMethod> methods = ResourceMethod.of(type, resource, JaxRsResources.JSON);
        if (methods.isEmpty()) {
            log.warn("The REST extension resource {} has no resource method (public, annotated @GET, @POST, ...): it serves nothing", type.getName());
        }
        List<ResourceMethod> all = new ArrayList<>(resourceMethods);
        all.addAll(methods);
        resourceMethods = List.copyOf(all);
    }

    private static Object newResource(Constructor<?> constructor) {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The constructor of the REST extension resource " + constructor.getDeclaringClass().getName()
                    + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make the REST extension resource " + constructor.getDeclaringClass().getName(), e);
        }
    }

    private static Constructor<?> publicNoArgConstructor(Class<?> type, String kind) {
        try {
            Constructor<?> constructor = type.getConstructor();
            constructor.trySetAccessible();
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("The REST extension " + kind + " " + type.getName() + " has no public no-arg constructor", e);
        }
    }

    private static boolean isFilter(Class<?> type) {
        return ContainerRequestFilter.class.isAssignableFrom(type) || ContainerResponseFilter.class.isAssignableFrom(type);
    }

    private static boolean isExceptionMapper(Class<?> type) {
        return ExceptionMapper.class.isAssignableFrom(type);
    }

    private <T> List<T> sorted(Class<T> kind, Comparator<Registered> byPriority) {
        return registered.values().stream().filter(entry -> kind.isInstance(entry.component()))
                .sorted(byPriority.thenComparingInt(Registered::order)).map(entry -> kind.cast(entry.component())).toList();
    }

    private static Object instantiate(Class<?> type) {
        String kind = isFilter(type) ? "filter" : "exception mapper";
        Constructor<?> constructor = publicNoArgConstructor(type, kind);
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("The constructor of the REST extension " + kind + " " + type.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot make the REST extension " + kind + " " + type.getName(), e);
        }
    }

    /** The value of the class's {@code @Priority}, whichever package the annotation comes from; else {@link Priorities#USER}. */
    static int priorityOf(Class<?> type) {
        for (Annotation annotation : type.getAnnotations()) {
            if (PRIORITY_ANNOTATIONS.contains(annotation.annotationType().getName())) {
                try {
                    Method value = annotation.annotationType().getMethod("value");
                    return (Integer) value.invoke(annotation);
                } catch (ReflectiveOperationException | ClassCastException e) {
                    log.warn("Could not read the @Priority of {}; using {}", type.getName(), Priorities.USER, e);
                }
            }
        }
        return Priorities.USER;
    }

    @Override
    public RuntimeType getRuntimeType() {
        return RuntimeType.SERVER;
    }

    @Override
    public synchronized Map<String, Object> getProperties() {
        return Map.copyOf(properties);
    }

    @Override
    public synchronized Object getProperty(String name) {
        return properties.get(name);
    }

    @Override
    public synchronized Collection<String> getPropertyNames() {
        return List.copyOf(properties.keySet());
    }

    @Override
    public boolean isEnabled(Feature feature) {
        return false;
    }

    @Override
    public boolean isEnabled(Class<? extends Feature> featureClass) {
        return false;
    }

    @Override
    public synchronized boolean isRegistered(Object component) {
        return registered.values().stream().anyMatch(entry -> entry.component() == component);
    }

    @Override
    public synchronized boolean isRegistered(Class<?> componentClass) {
        return registered.containsKey(componentClass);
    }

    @Override
    public synchronized Map<Class<?>, Integer> getContracts(Class<?> componentClass) {
        Registered entry = registered.get(componentClass);
        if (entry == null) {
            return Map.of();
        }
        Map<Class<?>, Integer> contracts = new HashMap<>();
        if (entry.component() instanceof ContainerRequestFilter) {
            contracts.put(ContainerRequestFilter.class, entry.priority());
        }
        if (entry.component() instanceof ContainerResponseFilter) {
            contracts.put(ContainerResponseFilter.class, entry.priority());
        }
        if (entry.component() instanceof ExceptionMapper) {
            contracts.put(ExceptionMapper.class, entry.priority());
        }
        return contracts;
    }

    @Override
    public synchronized Set<Class<?>> getClasses() {
        return Set.copyOf(registered.keySet());
    }

    @Override
    public synchronized Set<Object> getInstances() {
        Set<Object> instances = new LinkedHashSet<>();
        registered.values().stream().filter(entry -> entry.component() != null).forEach(entry -> instances.add(entry.component()));
        return instances;
    }
}
