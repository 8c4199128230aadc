package archfixtures.ferry.registry.store;

import archfixtures.ferry.registry.rest.SchemaResource;

/** Breaks "domain and store code never import rest". */
public class StoreThatKnowsRest {
    public SchemaResource resource;
}
