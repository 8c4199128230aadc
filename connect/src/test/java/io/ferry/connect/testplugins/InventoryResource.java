package io.ferry.connect.testplugins;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/**
 * A JAX-RS resource as REST extensions write them, for tests: a small inventory of items kept in a
 * static map (the resource is made per request; {@link #INSTANCES} counts how many were made), with
 * the parameter kinds, return types and failures the bridge supports.
 */
@Path("inventory")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {
    public static final Map<String, Item> ITEMS = new ConcurrentSkipListMap<>();
    public static final AtomicInteger INSTANCES = new AtomicInteger();

    /** An item: Jackson reads and writes it as a JSON object. */
    public record Item(String id, String name, int quantity) {
    }

    /** A level of stock, bound from a path parameter by its name. */
    public enum Level { LOW, HIGH }

    /** An HTTP method of the resource's own (WebDAV's REPORT), as {@code @HttpMethod} lets JAX-RS resources declare. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @HttpMethod("REPORT")
    public @interface REPORT {
    }

    public InventoryResource() {
        INSTANCES.incrementAndGet();
    }

    @GET
    @Path("items")
    public List<Item> list(@QueryParam("prefix") @DefaultValue("") String prefix, @QueryParam("limit") @DefaultValue("10") int limit) {
        return ITEMS.values().stream().filter(item -> item.id().startsWith(prefix)).limit(limit).toList();
    }

    @GET
    @Path("items/{id}")
    public Item get(@PathParam("id") String id) {
        Item item = ITEMS.get(id);
        if (item == null) {
            throw new NotFoundException("No item " + id);
        }
        return item;
    }

    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Item item, @Context UriInfo uri) {
        ITEMS.put(item.id(), item);
        return Response.created(URI.create(uri.getBaseUri() + "inventory/items/" + item.id()))
                .header("X-Item-Count", ITEMS.size()).entity(item).build();
    }

    @PUT
    @Path("items/{id}")
    public Item replace(@PathParam("id") String id, Item item) {
        Item stored = new Item(id, item.name(), item.quantity());
        ITEMS.put(id, stored);
        return stored;
    }

    /** A literal path among {@code items/{id}}'s: {@code GET items/new} is refused, not answered by {@link #get}. */
    @POST
    @Path("items/new")
    public Map<String, Object> reserve() {
        return Map.of("reserved", "new");
    }

    @PATCH
    @Path("items/{id}/quantity")
    @Consumes(MediaType.TEXT_PLAIN)
    public Item adjust(@PathParam("id") String id, String delta) {
        Item item = get(id);
        Item adjusted = new Item(id, item.name(), item.quantity() + Integer.parseInt(delta.trim()));
        ITEMS.put(id, adjusted);
        return adjusted;
    }

    @DELETE
    @Path("items/{id}")
    public void delete(@PathParam("id") String id) {
        if (ITEMS.remove(id) == null) {
            throw new NotFoundException("No item " + id);
        }
    }

    @GET
    @Path("items/{id}/name")
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public String name(@PathParam("id") String id) {
        return get(id).name();
    }

    @GET
    @Path("numbers/{n: \\d+}")
    public Map<String, Object> number(@PathParam("n") long n) {
        return Map.of("twice", n * 2);
    }

    @GET
    @Path("numbers/{word}")
    public Map<String, Object> word(@PathParam("word") String word) {
        return Map.of("word", word);
    }

    /** Served where {@code numbers/{n: \\d+}} does not match only: that template takes the paths it matches, whatever the method. */
    @DELETE
    @Path("numbers/{word}")
    public void forget(@PathParam("word") String word) {
    }

    @GET
    @Path("levels/{level}")
    public Map<String, Object> level(@PathParam("level") Level level) {
        return Map.of("level", level.name());
    }

    @GET
    @Path("ranges/{from}-{to}")
    public Map<String, Object> range(@PathParam("from") String from, @PathParam("to") String to) {
        return Map.of("from", from, "to", to);
    }

    @GET
    @Path("odds and ends/caf\u00e9")
    public Map<String, Object> oddsAndEnds() {
        return Map.of("odds", "ends");
    }

    @GET
    @Path("items/{id}/label")
    @Produces("text/plain; charset=ISO-8859-1")
    public String label(@PathParam("id") String id) {
        return get(id).name() + " \u00e0 " + get(id).quantity() + "\u00b0";
    }

    @REPORT
    @Path("items")
    public Map<String, Object> report() {
        return Map.of("count", ITEMS.size());
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    public StreamingOutput export(@QueryParam("refuse") boolean refuse) {
        return output -> {
            if (refuse) {
                throw new WebApplicationException("The export is refused", Response.Status.CONFLICT);
            }
            for (Item item : ITEMS.values()) {
                output.write((item.id() + "," + item.quantity() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    @GET
    @Path("generic")
    public Response generic() {
        return Response.ok(new GenericEntity<List<Item>>(List.copyOf(ITEMS.values())) { }).build();
    }

    @GET
    @Path("tags")
    public List<String> tags(@QueryParam("tag") List<String> tags) {
        return tags;
    }

    @GET
    @Path("who")
    public Map<String, Object> who(@HeaderParam("X-Client") @DefaultValue("anonymous") String client, @HeaderParam("X-Attempt") Integer attempt,
                                   @Context HttpHeaders headers, @Context Request request, @Context SecurityContext security,
                                   @Context UriInfo uri) {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("client", client);
        who.put("attempt", attempt);
        who.put("accept", headers.getHeaderString(HttpHeaders.ACCEPT));
        who.put("method", request.getMethod());
        who.put("secure", security.isSecure());
        who.put("path", uri.getPath());
        return who;
    }

    @POST
    @Path("echo")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.TEXT_PLAIN)
    public String echo(byte[] body) {
        List<String> parts = new ArrayList<>(List.of(new String(body, StandardCharsets.UTF_8).split(" ")));
        Collections.reverse(parts);
        return String.join(" ", parts);
    }

    @OPTIONS
    @Path("echo")
    public Response echoOptions() {
        return Response.ok().header("X-Echo", "text only").build();
    }

    @GET
    @Path("teapot")
    public Response teapot() {
        throw new WebApplicationException(Response.status(418).header("X-Teapot", "short").entity(Map.of("teapot", true)).build());
    }

    @GET
    @Path("gone")
    public Response gone() {
        throw new WebApplicationException("The gone item is gone", Response.Status.GONE);
    }

    @GET
    @Path("fire")
    public Item fire() {
        throw new IllegalStateException("The inventory is on fire");
    }
    /** Fails as {@code kind} says, for the exception mappers the extension registers ({@link InventoryFailures}). */
    @GET
    @Path("failures/{kind}")
    public Item fail(@PathParam("kind") String kind) {
        throw switch (kind) {
            case "connect" -> new org.apache.kafka.connect.errors.ConnectException("The inventory is unreachable");
            case "shortage" -> new InventoryFailures.Shortage("Only 5 bolts left");
            case "backorder" -> new InventoryFailures.Backorder("Washers are on backorder");
            case "recalled" -> new InventoryFailures.Recalled("Nuts are recalled");
            case "jammed" -> new InventoryFailures.Jammed("The shelf is jammed");
            default -> new IllegalArgumentException("No failure " + kind);
        };
    }
}
