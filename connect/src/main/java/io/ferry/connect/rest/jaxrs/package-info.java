/**
 * Just enough of JAX-RS (Jakarta RESTful Web Services 3.1) for Connect REST extensions to secure,
 * decorate and extend Ferry's Javalin API: the {@link jakarta.ws.rs.core.Configurable} extensions
 * register their components with ({@link io.ferry.connect.rest.jaxrs.ComponentRegistry}); the
 * {@link jakarta.ws.rs.container.ContainerRequestFilter request} and
 * {@link jakarta.ws.rs.container.ContainerResponseFilter response} filters, run as Javalin before and
 * after handlers ({@link io.ferry.connect.rest.jaxrs.JaxRsFilters}), and the contexts they see; the
 * resources ({@code @Path} classes), served where Ferry's own routes do not answer ({@link
 * io.ferry.connect.rest.jaxrs.JaxRsResources}), with their URI templates, parameter binding and content
 * negotiation; and the {@link jakarta.ws.rs.ext.RuntimeDelegate} that builds the {@link
 * jakarta.ws.rs.core.Response}s they answer with. Features, sub-resource locators and providers
 * (exception mappers, message body readers and writers) are not supported.
 */
package io.ferry.connect.rest.jaxrs;
