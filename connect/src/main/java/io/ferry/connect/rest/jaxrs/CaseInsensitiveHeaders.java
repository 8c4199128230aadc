package io.ferry.connect.rest.jaxrs;

import java.util.List;
import java.util.TreeMap;

import jakarta.ws.rs.core.AbstractMultivaluedMap;

/** Headers whose names match whatever their case, as HTTP says and as JAX-RS runtimes give them to filters. */
final class CaseInsensitiveHeaders<V> extends AbstractMultivaluedMap<String, V> {

    CaseInsensitiveHeaders() {
        super(new TreeMap<String, List<V>>(String.CASE_INSENSITIVE_ORDER));
    }
}
