package io.ferry.connect.plugins;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Builds plugins at test time: compiles Java sources against the test classpath (plus any extra jars), adds
 * service manifests and resources, and writes a jar, an uber-jar (with other jars unpacked into it) or a
 * directory of classes. So every test plugin is real bytecode that a {@code plugin.path} loader reads, and
 * no plugin class sits on the test classpath.
 */
final class TestPluginBuilder {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final List<Path> compileClassPath = new ArrayList<>();
    private final List<Path> bundledJars = new ArrayList<>();

    static TestPluginBuilder plugin() {
        return new TestPluginBuilder();
    }

    /** A class to compile; the name is its binary name, the code its whole source file. */
    TestPluginBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Lists implementations in {@code META-INF/services/<contract>}. */
    TestPluginBuilder service(Class<?> contract, String... implementations) {
        services.computeIfAbsent(contract.getName(), k -> new ArrayList<>()).addAll(List.of(implementations));
        return this;
    }

    TestPluginBuilder resource(String name, String content) {
        resources.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A jar to compile against (a library the plugin ships beside it or inside it). */
    TestPluginBuilder compileAgainst(Path jar) {
        compileClassPath.add(jar);
        return this;
    }

    /** Unpacks a library into the built jar, as an uber-jar does. Also compiles against it. */
    TestPluginBuilder bundle(Path jar) {
        compileClassPath.add(jar);
        bundledJars.add(jar);
        return this;
    }

    /** Writes the plugin as one jar. */
    Path writeJar(Path jar) throws IOException {
        Path classes = compile();
        Files.createDirectories(jar.toAbsolutePath().getParent());
        Set<String> written = new HashSet<>();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    put(out, written, classes.relativize(file).toString().replace(File.separatorChar, '/'),
                            Files.readAllBytes(file));
                }
            }
            for (Path library : bundledJars) {
                copyEntries(library, out, written);
            }
        }
        return jar;
    }

    /** Writes the plugin as a directory of classes and resources (a plugin location without jars). */
    Path writeClasses(Path directory) throws IOException {
        Path classes = compile();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = directory.resolve(classes.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return directory;
    }

    private Path compile() throws IOException {
        Path output = Files.createTempDirectory("test-plugin-classes");
        if (!sources.isEmpty()) {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<String> options = new ArrayList<>(List.of("-d", output.toString(), "--release", "17",
                    "-proc:none", "-nowarn", "-classpath", classPath()));
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((name, code) -> units.add(new SourceString(name, code)));
            StringWriter diagnostics = new StringWriter();
            if (!compiler.getTask(diagnostics, null, null, options, null, units).call()) {
                throw new IllegalStateException("Test plugin does not compile:\n" + diagnostics);
            }
        }
        for (Map.Entry<String, List<String>> service : services.entrySet()) {
            writeFile(output.resolve("META-INF/services/" + service.getKey()),
                    (String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            writeFile(output.resolve(resource.getKey()), resource.getValue());
        }
        return output;
    }

    private String classPath() {
        List<String> entries = new ArrayList<>();
        compileClassPath.forEach(jar -> entries.add(jar.toString()));
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }

    private static void writeFile(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static void copyEntries(Path library, ZipOutputStream out, Set<String> written) throws IOException {
        try (ZipFile zip = new ZipFile(library.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || name.equals("META-INF/MANIFEST.MF") || name.startsWith("META-INF/versions/")
                        || name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    put(out, written, name, in.readAllBytes());
                }
            }
        }
    }

    private static void put(ZipOutputStream out, Set<String> written, String name, byte[] bytes) throws IOException {
        if (written.add(name)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(bytes);
            out.closeEntry();
        }
    }

    /** Copies a file into a directory, keeping its name. */
    static Path copyInto(Path file, Path directory) throws IOException {
        Files.createDirectories(directory);
        return Files.copy(file, directory.resolve(file.getFileName().toString()));
    }

    private static final class SourceString extends SimpleJavaFileObject {
        private final String code;

        SourceString(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
