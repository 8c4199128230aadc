package io.ferry.connectors.jdbc.dialect;

import java.time.ZoneId;

/** Settings of the Connect-to-SQL binding: the zone in which zoneless date/time columns are written ({@code db.timezone}). */
public record WriteOptions(ZoneId timeZone) {
}
