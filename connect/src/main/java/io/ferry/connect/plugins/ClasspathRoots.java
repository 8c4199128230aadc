package io.ferry.connect.plugins;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jars and class directories of the worker's classpath ({@code java.class.path}), with the jars
 * their manifests add through {@code Class-Path} (a launcher or a test runner may start the JVM with a
 * single jar that names the rest).
 */
final class ClasspathRoots {
    private static final Logger log = LoggerFactory.getLogger(ClasspathRoots.class);

    private ClasspathRoots() {
    }

    static List<Path> of(String javaClassPath) {
        Set<Path> roots = new LinkedHashSet<>();
        Deque<Path> pending = new ArrayDeque<>();
        for (String element : javaClassPath.split(File.pathSeparator)) {
            toPath(element, null).ifPresent(pending::add);
        }
        while (!pending.isEmpty()) {
            Path root = pending.poll();
            if (!Files.exists(root) || !roots.add(root)) {
                continue;
            }
            if (Files.isRegularFile(root)) {
                pending.addAll(manifestClassPath(root));
            }
        }
        return List.copyOf(roots);
    }

    private static List<Path> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            List<Path> paths = new ArrayList<>();
            for (String relative : classPath.trim().split("\\s+")) {
                toPath(relative, jar.getParent()).ifPresent(paths::add);
            }
            return List.copyOf(paths);
        } catch (IOException e) {
            log.debug("Could not read the manifest of {}: {}", jar, e.toString());
            return List.of();
        }
    }

    /** A classpath element as a path; manifest entries are URLs relative to their jar's directory. */
    private static Optional<Path> toPath(String element, Path base) {
        if (element.isBlank()) {
            return Optional.empty();
        }
        try {
            if (base == null) {
                return Optional.of(Path.of(element).toAbsolutePath().normalize());
            }
            return Optional.of(Path.of(base.toUri().resolve(element)).normalize());
        } catch (IllegalArgumentException e) { // an InvalidPathException, or a URI that is not a file
            log.debug("Ignoring classpath element {}: {}", element, e.toString());
            return Optional.empty();
        }
    }
}
