package io.ferry.cli.connect.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.ServiceManifests;

/**
 * Writes the manifests of a {@link ManifestChange}. A jar is never edited in place: a new jar is written beside
 * it, with every entry of the old one but the manifests that change, and then moved over it in one step, so
 * a worker or an interrupted run sees either the old jar or the new one. A jar left with no entry is deleted.
 * In a directory of classes each manifest file is replaced the same way, and deleted when it lists nothing.
 */
final class ManifestWriter {
    private static final String HEADER = "# Listed by 'ferry connect plugins sync-manifests'\n";

    private ManifestWriter() {
    }

    /**
     * Refuses a change that could not be written, before anything is written (also in a dry run).
     *
     * @throws io.ferry.cli.support.CliException naming the path that is not writable
     */
    static void checkWritable(ManifestChange change) {
        // A jar is replaced by a file written beside it; a class directory's manifests are written in its services folder.
        Path written = Files.isDirectory(change.root()) ? change.root().resolve(ServiceManifests.DIRECTORY)
                : change.root().getParent();
        Path existing = written;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isWritable(existing)) {
            throw PluginSources.badInput("Path " + change.root() + " must be writable to change its service manifests", null);
        }
        if (Files.exists(change.root()) && !Files.isDirectory(change.root()) && !Files.isReadable(change.root())) {
            throw PluginSources.badInput("Path " + change.root() + " must be readable to change its service manifests", null);
        }
    }

    /** Writes the change to disk. */
    static void write(ManifestChange change) throws IOException {
        if (Files.isDirectory(change.root())) {
            writeClassDirectory(change);
        } else {
            writeJar(change);
        }
    }

    private static void writeJar(ManifestChange change) throws IOException {
        Path jar = change.root();
        Set<String> changing = new HashSet<>();
        for (PluginType type : PluginType.values()) {
            if (change.changes(type)) {
                changing.add(ServiceManifests.path(type));
            }
        }
        Path next = Files.createTempFile(jar.getParent(), "." + jar.getFileName() + ".", ".tmp");
        try {
            boolean empty = true;
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(next))) {
                if (Files.exists(jar)) {
                    empty = copyEntries(jar, changing, out);
                }
                for (PluginType type : PluginType.values()) {
                    Set<String> classNames = change.after().get(type);
                    if (change.changes(type) && !classNames.isEmpty()) {
                        out.putNextEntry(new ZipEntry(ServiceManifests.path(type)));
                        out.write(manifest(classNames));
                        out.closeEntry();
                        empty = false;
                    }
                }
            }
            if (empty) {
                Files.deleteIfExists(jar);
            } else {
                keepPermissions(jar, next);
                replace(next, jar);
            }
        } finally {
            Files.deleteIfExists(next);
        }
    }

    /** Copies every entry but the manifests that change; false when there was any. */
    private static boolean copyEntries(Path jar, Set<String> skipped, ZipOutputStream out) throws IOException {
        boolean empty = true;
        try (ZipFile in = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (skipped.contains(entry.getName())) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry);
                // Recompressed on the way out; a stored entry keeps its size and checksum.
                copy.setCompressedSize(-1);
                out.putNextEntry(copy);
                try (var data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
                empty = false;
            }
        }
        return empty;
    }

    private static void writeClassDirectory(ManifestChange change) throws IOException {
        Path services = change.root().resolve(ServiceManifests.DIRECTORY);
        for (PluginType type : PluginType.values()) {
            if (!change.changes(type)) {
                continue;
            }
            Path file = change.root().resolve(ServiceManifests.path(type));
            Set<String> classNames = change.after().get(type);
            if (classNames.isEmpty()) {
                Files.deleteIfExists(file);
                continue;
            }
            Files.createDirectories(services);
            Path next = Files.createTempFile(services, "." + file.getFileName() + ".", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(next)) {
                    out.write(manifest(classNames));
                }
                keepPermissions(file, next);
                replace(next, file);
            } finally {
                Files.deleteIfExists(next);
            }
        }
        try {
            Files.deleteIfExists(services);
        } catch (DirectoryNotEmptyException stillUsed) {
            // Other manifests remain: the folder stays.
        }
    }

    private static byte[] manifest(Set<String> classNames) {
        StringBuilder text = new StringBuilder(HEADER);
        classNames.forEach(className -> text.append(className).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The original's permissions, or readable by all for a new file (a temporary file is the owner's only). */
    private static void keepPermissions(Path original, Path replacement) throws IOException {
        try {
            Files.setPosixFilePermissions(replacement, Files.exists(original) ? Files.getPosixFilePermissions(original)
                    : PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the new file gets the directory's default permissions.
        }
    }

    private static void replace(Path next, Path target) throws IOException {
        try {
            Files.move(next, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
