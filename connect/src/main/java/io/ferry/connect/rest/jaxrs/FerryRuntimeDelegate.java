package io.ferry.connect.rest.jaxrs;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.Variant;
import jakarta.ws.rs.ext.RuntimeDelegate;

/**
 * The JAX-RS runtime behind {@link Response#status} and {@link MediaType#valueOf}: responses and media
 * types only, which is what request filters use to refuse a request. Found through
 * {@code META-INF/services/jakarta.ws.rs.ext.RuntimeDelegate}, and {@linkplain #install() installed}
 * when a REST extension is registered so that no other lookup can win. Everything else (URI and link
 * builders, variants, endpoints, Java SE bootstrap) throws {@link UnsupportedOperationException}.
 */
public final class FerryRuntimeDelegate extends RuntimeDelegate {

    /** Makes this the process's JAX-RS runtime. */
    public static void install() {
        RuntimeDelegate.setInstance(new FerryRuntimeDelegate());
    }

    @Override
    public Response.ResponseBuilder createResponseBuilder() {
        return new OutboundResponseBuilder();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> HeaderDelegate<T> createHeaderDelegate(Class<T> type) {
        if (type == MediaType.class) {
            return (HeaderDelegate<T>) MediaTypeHeader.INSTANCE;
        }
        throw new IllegalArgumentException("Ferry's REST API has no JAX-RS header delegate for " + type.getName());
    }

    @Override
    public UriBuilder createUriBuilder() {
        throw unsupported("UriBuilder");
    }

    @Override
    public Variant.VariantListBuilder createVariantListBuilder() {
        throw unsupported("Variant.VariantListBuilder");
    }

    @Override
    public <T> T createEndpoint(Application application, Class<T> endpointType) {
        throw unsupported("endpoints");
    }

    @Override
    public Link.Builder createLinkBuilder() {
        throw unsupported("Link.Builder");
    }

    @Override
    public SeBootstrap.Configuration.Builder createConfigurationBuilder() {
        throw unsupported("SeBootstrap");
    }

    @Override
    public CompletionStage<SeBootstrap.Instance> bootstrap(Application application, SeBootstrap.Configuration configuration) {
        throw unsupported("SeBootstrap");
    }

    @Override
    public CompletionStage<SeBootstrap.Instance> bootstrap(Class<? extends Application> application,
            SeBootstrap.Configuration configuration) {
        throw unsupported("SeBootstrap");
    }

    @Override
    public EntityPart.Builder createEntityPartBuilder(String partName) {
        throw unsupported("EntityPart");
    }

    static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("Ferry's REST API does not support JAX-RS " + what
                + "; REST extensions may register request and response filters only");
    }
}
