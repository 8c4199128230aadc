package io.ferry.connect.plugins;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the start of a class file says about a class: its name, access flags, superclass and interfaces.
 * Read from the constant pool without loading the class, so scanning a jar defines no class and runs no
 * code.
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
        try {
            return new Parser(bytes).parse();
        } catch (IndexOutOfBoundsException truncated) {
            throw new IOException("truncated class file", truncated);
        }
    }

    /** Walks the constant pool once, remembering where each UTF-8 entry and class entry is. */
    private static final class Parser {
        private final byte[] bytes;
        private int position;
        private int[] utf8Offsets;
        private int[] classNameIndexes;

        Parser(byte[] bytes) {
            this.bytes = bytes;
        }

        ClassHeader parse() throws IOException {
            if (u4() != MAGIC) {
                throw new IOException("not a class file");
            }
            position += 4; // minor and major version
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
                        position += 2 + u2At(position);
                    }
                    case 7 -> classNameIndexes[index] = u2(); // Class
                    case 8, 16, 19, 20 -> position += 2; // String, MethodType, Module, Package
                    case 15 -> position += 3; // MethodHandle
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> position += 4; // Integer, Float, refs, NameAndType, Dynamic
                    case 5, 6 -> { // Long, Double take two slots
                        position += 8;
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
            int offset = utf8Offsets[classNameIndexes[classIndex]];
            int length = u2At(offset);
            // Class names are plain UTF-8 in practice; modified UTF-8 differs only for NUL and supplementary characters.
            return new String(bytes, offset + 2, length, StandardCharsets.UTF_8).replace('/', '.');
        }

        private int u1() {
            return bytes[position++] & 0xFF;
        }

        private int u2() {
            int value = u2At(position);
            position += 2;
            return value;
        }

        private int u2At(int offset) {
            return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
        }

        private int u4() {
            int value = (u2At(position) << 16) | u2At(position + 2);
            position += 4;
            return value;
        }
    }
}
