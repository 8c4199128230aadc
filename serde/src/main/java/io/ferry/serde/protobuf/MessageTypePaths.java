package io.ferry.serde.protobuf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.ferry.serde.wire.InvalidWireFormatException;
import io.ferry.serde.wire.MessageIndexes;

/** Between a message type and its {@link MessageIndexes} path inside its file. Stateless. */
public final class MessageTypePaths {
    private MessageTypePaths() {
    }

    /** The path of a message type: its index among the top-level messages, then among each parent's nested ones. */
    public static MessageIndexes pathOf(Descriptor message) {
        List<Integer> path = new ArrayList<>();
        for (Descriptor current = message; current != null; current = current.getContainingType()) {
            path.add(current.getIndex());
        }
        Collections.reverse(path);
        return new MessageIndexes(path);
    }

    /**
     * The message type at a path.
     *
     * @throws InvalidWireFormatException when the file has no message there
     */
    public static Descriptor messageAt(FileDescriptor file, MessageIndexes path) {
        List<Descriptor> candidates = file.getMessageTypes();
        Descriptor found = null;
        for (int index : path.indexes()) {
            if (index < 0 || index >= candidates.size()) {
                throw new InvalidWireFormatException("message indexes " + path.indexes() + " do not name a message of "
                        + file.getName());
            }
            found = candidates.get(index);
            candidates = found.getNestedTypes();
        }
        return found;
    }

    /** The message type of a file with a full name, or {@code null}. */
    public static Descriptor byFullName(FileDescriptor file, String fullName) {
        String local = file.getPackage().isEmpty() ? fullName
                : fullName.startsWith(file.getPackage() + ".") ? fullName.substring(file.getPackage().length() + 1) : null;
        if (local == null) {
            return null;
        }
        String[] parts = local.split("\\.");
        Descriptor found = file.findMessageTypeByName(parts[0]);
        for (int i = 1; found != null && i < parts.length; i++) {
            found = found.findNestedTypeByName(parts[i]);
        }
        return found;
    }
}
