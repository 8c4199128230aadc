package io.ferry.registry.service;

import java.util.Optional;

/**
 * Whether this node may write to the log now, and who may if it may not. A single node always
 * may; in a cluster only the elected leader may.
 */
public interface WriterRole {

    /** This node writes. */
    WriterRole ALWAYS = new WriterRole() {
        @Override
        public boolean isWriter() {
            return true;
        }

        @Override
        public Optional<String> writerUrl() {
            return Optional.empty();
        }
    };

    boolean isWriter();

    /** The URL of the node that writes, when it is another node and known. */
    Optional<String> writerUrl();
}
