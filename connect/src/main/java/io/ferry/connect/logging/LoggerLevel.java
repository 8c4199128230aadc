package io.ferry.connect.logging;

/**
 * A logger's level and when it was last changed through {@link LoggerLevels}.
 *
 * @param level        the level set on the logger, or the one it inherits when none is set
 * @param lastModified epoch milliseconds of the last change made at run time; null when never changed so
 */
public record LoggerLevel(String level, Long lastModified) {
}
