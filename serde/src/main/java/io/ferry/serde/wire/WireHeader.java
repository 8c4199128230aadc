package io.ferry.serde.wire;

/**
 * What the header of a framed payload says.
 *
 * @param schemaId      the registry id of the writer's schema
 * @param payloadOffset where the payload starts in the framed bytes (after any message indexes, when read by a
 *                      reader that knows them)
 */
public record WireHeader(int schemaId, int payloadOffset) {
}
