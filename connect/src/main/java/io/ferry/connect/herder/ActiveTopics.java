package io.ferry.connect.herder;

import java.util.SortedSet;

/** The topics a connector used since it started or they were reset. */
public record ActiveTopics(String connector, SortedSet<String> topics) {
}
