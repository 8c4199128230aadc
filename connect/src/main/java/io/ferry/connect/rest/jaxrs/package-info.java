/**
 * Just enough of JAX-RS (Jakarta RESTful Web Services 3.1) for Connect REST extensions to secure and
 * decorate Ferry's Javalin API: the {@link jakarta.ws.rs.core.Configurable} extensions register their
 * {@link jakarta.ws.rs.container.ContainerRequestFilter request} and
 * {@link jakarta.ws.rs.container.ContainerResponseFilter response} filters with ({@link
 * io.ferry.connect.rest.jaxrs.FilterRegistry}), the contexts those filters see, and the
 * {@link jakarta.ws.rs.ext.RuntimeDelegate} that builds the {@link jakarta.ws.rs.core.Response}s they
 * abort a request with. Filters run as Javalin before and after handlers ({@link
 * io.ferry.connect.rest.jaxrs.JaxRsFilters}). JAX-RS resources, features and message body providers are
 * not served.
 */
package io.ferry.connect.rest.jaxrs;
