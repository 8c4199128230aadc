package io.ferry.connect.plugins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the start of a class file says about a class: its name, access flags, superclass and interfaces.
 * Read from the constant pool without loading the class, so scanning a jar defines no class and runs no
 * code; reading stops after the interfaces, so fields and method bodies are never read (or inflated).
 *
 * @param name       binary name ({@code a.b.Outer$Inner})
 * @param access     the class file's access flags
 * @param superName  binary name of the superclass; {@code null} for {@code java.lang.Object} and modules
 * @param interfaces binary names of the directly implemented interfaces
 */
record ClassHeader(String name, int access, String superName, List<String> interfaces) {

    private static final int MAGIC = 0xCAFEBABE;
    private static final int ACC_ANNOTATION = 0x2000;
    private static final int ACC_ENUM = 0x4000;
    private static final int ACC_MODULE = 0x8000;

    /** Public, neither abstract nor an interface, annotation, enum or module: a class that could be a plugin. */
    boolean isPublicConcreteClass() {
        return Modifier.isPublic(access) && (access & (Modifier.ABSTRACT | Modifier.INTERFACE | ACC_ANNOTATION
                | ACC_ENUM | ACC_MODULE)) == 0;
    }

    /** The supertypes named in the header: the superclass (if any), then the interfaces. */
    List<String> supertypes() {
        List<String> all = new ArrayList<>(interfaces.size() + 1);
        if (superName != null) {
            all.add(superName);
        }
        all.addAll(interfaces);
        return all;
    }

    /**
     * Parses the header of a class file.
     *
     * @throws IOException when the bytes are not a well-formed class file header
     */
    static ClassHeader parse(byte[] bytes) throws IOException {
        return parse(new ByteArrayInputStream(bytes));
    }

    /**
     * Parses the header at the start of a stream, reading no further than the header's end.
     *
     * @throws IOException when the stream fails or does not start with a well-formed class file header
     */
    static ClassHeader parse(InputStream in) throws IOException {
        return new Parser(in).parse();
    }

    /**
     * Walks the constant pool once, remembering where each UTF-8 entry and class entry is. The bytes are
     * pulled from the stream as the walk needs them.
     */
    private static final class Parser {
        private final InputStream in;
        private byte[] bytes = new byte[4096];
        private int available;
        private int position;
        private int[] utf8Offsets;
        private int[] classNameIndexes;

        Parser(InputStream in) {
            this.in = in;
        }

        ClassHeader parse() throws IOException {
            if (u4() != MAGIC) {
                throw new IOException("not a class file");
            }
            skip(4); // minor and major version
            readConstantPool();
            int access = u2();
            String name = className(u2());
            String superName = className(u2());
            int count = u2();
            List<String> interfaces = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                interfaces.add(className(u2()));
            }
            return new ClassHeader(name, access, superName, List.copyOf(interfaces));
        }

        private void readConstantPool() throws IOException {
            int count = u2();
            utf8Offsets = new int[count];
            classNameIndexes = new int[count];
            for (int index = 1; index < count; index++) {
                int tag = u1();
                switch (tag) {
                    case 1 -> { // Utf8
                        utf8Offsets[index] = position;
                        skip(u2());
                    }
                    case 7 -> classNameIndexes[index] = u2(); // Class
                    case 8, 16, 19, 20 -> skip(2); // String, MethodType, Module, Package
                    case 15 -> skip(3); // MethodHandle
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(4); // Integer, Float, refs, NameAndType, Dynamic
                    case 5, 6 -> { // Long, Double take two slots
                        skip(8);
                        index++;
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + index);
                }
            }
        }

        private String className(int classIndex) throws IOException {
            if (classIndex == 0) {
                return null;
            }
            if (classIndex >= classNameIndexes.length || classNameIndexes[classIndex] == 0) {
                throw new IOException("bad class reference " + classIndex);
            }
            int nameIndex = classNameIndexes[classIndex];
            if (nameIndex >= utf8Offsets.length || utf8Offsets[nameIndex] == 0) {
                throw new IOException("bad class name reference " + nameIndex);
            }
            int offset = utf8Offsets[nameIndex];
            int length = u2At(offset);
            // Class names are plain UTF-8 in practice; modified UTF-8 differs only for NUL and supplementary characters.
            return new String(bytes, offset + 2, length, StandardCharsets.UTF_8).replace('/', '.');
        }

        private int u1() throws IOException {
            require(1);
            return bytes[position++] & 0xFF;
        }

        private int u2() throws IOException {
            require(2);
            int value = u2At(position);
            position += 2;
            return value;
        }

        private int u4() throws IOException {
            require(4);
            int value = (u2At(position) << 16) | u2At(position + 2);
            position += 4;
            return value;
        }

        private void skip(int count) throws IOException {
            require(count);
            position += count;
        }

        /** Only for bytes already read. */
        private int u2At(int offset) {
            return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
        }

        /** Makes the next {@code count} bytes available, reading more of the stream when needed. */
        private void require(int count) throws IOException {
            int needed = position + count;
            if (needed <= available) {
                return;
            }
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
            }
            while (available < needed) {
                int read = in.read(bytes, available, bytes.length - available);
                if (read < 0) {
                    throw new IOException("truncated class file");
                }
                available += read;
            }
        }
    }
}
