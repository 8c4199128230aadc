package io.ferry.connect.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class headers of every class file in a class path (jars and class directories), by class name. The
 * first copy of a class wins, as on a class path. Service and version folders under {@code META-INF},
 * {@code module-info} and {@code package-info} are skipped. A file that cannot be read is skipped with a
 * warning; a malformed class file at debug level.
 */
final class ClassIndex {
    private static final Logger log = LoggerFactory.getLogger(ClassIndex.class);

    private final Map<String, ClassHeader> headers = new HashMap<>();

    private ClassIndex() {
    }

    /** Reads the roots in parallel (the work is mostly inflating jar entries), then merges them in order. */
    static ClassIndex of(List<Path> classPath) {
        List<Map<String, ClassHeader>> perRoot = classPath.parallelStream().map(ClassIndex::read).toList();
        ClassIndex index = new ClassIndex();
        perRoot.forEach(headers -> headers.forEach(index.headers::putIfAbsent));
        return index;
    }

    Map<String, ClassHeader> headers() {
        return headers;
    }

    private static Map<String, ClassHeader> read(Path root) {
        Map<String, ClassHeader> headers = new HashMap<>();
        try {
            if (Files.isDirectory(root)) {
                readDirectory(root, headers);
            } else if (Files.isRegularFile(root)) {
                readArchive(root, headers);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not scan {} for plugins: {}", root, e.toString());
        }
        return headers;
    }

    private static void readArchive(Path archive, Map<String, ClassHeader> headers) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && isScannedClassFile(entry.getName())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        add(in, archive, entry.getName(), headers);
                    }
                }
            }
        }
    }

    private static void readDirectory(Path root, Map<String, ClassHeader> headers) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            Iterator<Path> it = files.iterator();
            while (it.hasNext()) {
                Path file = it.next();
                String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (Files.isRegularFile(file) && isScannedClassFile(relative)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        add(in, root, relative, headers);
                    }
                }
            }
        }
    }

    private static void add(InputStream in, Path root, String entry, Map<String, ClassHeader> headers) {
        ClassHeader header;
        try {
            header = ClassHeader.parse(in);
        } catch (IOException e) {
            // A broken entry only: a jar that cannot be read at all fails in ZipFile, outside this method.
            log.debug("Skipping {} in {}: {}", entry, root, e.getMessage());
            return;
        }
        headers.putIfAbsent(header.name(), header);
    }

    private static boolean isScannedClassFile(String entryName) {
        return entryName.endsWith(".class")
                && !entryName.startsWith("META-INF/")
                && !entryName.endsWith("module-info.class")
                && !entryName.endsWith("package-info.class");
    }
}
