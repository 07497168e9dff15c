package io.strata.engine.ansible;

import io.strata.engine.jinja.VariableUse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * File summaries as bytes for the persistent cache: every component written in order, so that a
 * summary read back equals the one written. The layout is the analyser's own; a new layout comes
 * with a new build, whose entries are kept apart ({@link io.strata.engine.cache.CacheVersion}).
 */
final class SummaryCodec {

    private static final int PLAY = 0;
    private static final int IMPORT = 1;
    private static final int TASK_INCLUDE = 0;
    private static final int ROLE_USE = 1;
    private static final int FILE_USE = 2;
    private static final int VARS_DIR = 3;

    private SummaryCodec() {
    }

    /** The bytes of a summary ({@link PlaybookSummary} or {@link ContentSummary}). */
    static byte[] encode(Object summary) {
        Out out = new Out();
        if (summary instanceof PlaybookSummary playbook) {
            out.writeInt(playbook.entries().size());
            for (PlaybookSummary.Entry entry : playbook.entries()) {
                if (entry instanceof PlaybookSummary.Play play) {
                    out.writeByte(PLAY);
                    writeNullable(out, play.hosts());
                    writeStrings(out, play.collections());
                    writeContent(out, play.content());
                } else if (entry instanceof PlaybookSummary.Import imported) {
                    out.writeByte(IMPORT);
                    writePath(out, imported.target());
                    writeUse(out, imported.variables());
                }
            }
            writeNullable(out, playbook.problem());
        } else {
            writeContent(out, (ContentSummary) summary);
        }
        return out.toByteArray();
    }

    /**
     * A summary of a kind back from its bytes.
     *
     * @throws IllegalArgumentException when the bytes are no summary of this layout
     */
    static Object decode(byte[] bytes, SummaryKind kind) {
        try {
            In in = new In(bytes);
            Object summary = kind == SummaryKind.PLAYBOOK ? readPlaybook(in) : readContent(in);
            if (in.remaining() != 0) {
                throw new IllegalArgumentException("bytes after the summary");
            }
            return summary;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a summary: " + e, e);
        }
    }

    private static PlaybookSummary readPlaybook(In in) throws IOException {
        int count = in.readInt();
        List<PlaybookSummary.Entry> entries = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            int tag = in.readByte();
            if (tag == PLAY) {
                entries.add(new PlaybookSummary.Play(readNullable(in), readStrings(in), readContent(in)));
            } else if (tag == IMPORT) {
                entries.add(new PlaybookSummary.Import(readPath(in), readUse(in)));
            } else {
                throw new IOException("unknown playbook entry " + tag);
            }
        }
        return new PlaybookSummary(entries, readNullable(in));
    }

    private static void writeContent(Out out, ContentSummary content) {
        writeUse(out, content.variables());
        out.writeInt(content.refs().size());
        for (Ref ref : content.refs()) {
            writeRef(out, ref);
        }
        writeStrings(out, content.collections());
        writeStrings(out, content.searchCollections());
        out.writeBoolean(content.dynamicGroups());
        writeStrings(out, content.controllerCommands());
        writeNullable(out, content.problem());
    }

    private static ContentSummary readContent(In in) throws IOException {
        VariableUse variables = readUse(in);
        int count = in.readInt();
        List<Ref> refs = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            refs.add(readRef(in));
        }
        Set<String> collections = new HashSet<>(readStrings(in));
        return new ContentSummary(variables, refs, collections, readStrings(in), in.readBoolean(), readStrings(in),
                readNullable(in));
    }

    private static void writeRef(Out out, Ref ref) {
        if (ref instanceof Ref.TaskInclude include) {
            out.writeByte(TASK_INCLUDE);
            writePath(out, include.target());
            writeText(out, include.keyword());
        } else if (ref instanceof Ref.RoleUse role) {
            out.writeByte(ROLE_USE);
            writePath(out, role.name());
            RoleEntries entries = role.entries();
            writeText(out, entries.tasks());
            writeText(out, entries.vars());
            writeText(out, entries.defaults());
            writeText(out, entries.handlers());
            writeText(out, role.keyword());
            out.writeBoolean(role.dependency());
        } else if (ref instanceof Ref.FileUse file) {
            out.writeByte(FILE_USE);
            writeNullable(out, file.subdir());
            out.writeInt(file.candidates().size());
            for (PathSpec candidate : file.candidates()) {
                writePath(out, candidate);
            }
            out.writeByte(file.readAs().ordinal());
            writeText(out, file.keyword());
        } else if (ref instanceof Ref.VarsDir dir) {
            out.writeByte(VARS_DIR);
            writePath(out, dir.dir());
            writeStrings(out, dir.extensions());
            writeText(out, dir.keyword());
        }
    }

    private static Ref readRef(In in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case TASK_INCLUDE:
                return new Ref.TaskInclude(readPath(in), readText(in));
            case ROLE_USE:
                return new Ref.RoleUse(readPath(in), new RoleEntries(readText(in), readText(in), readText(in), readText(in)),
                        readText(in), in.readBoolean());
            case FILE_USE: {
                String subdir = readNullable(in);
                int count = in.readInt();
                List<PathSpec> candidates = new ArrayList<>(Math.min(count, 1024));
                for (int i = 0; i < count; i++) {
                    candidates.add(readPath(in));
                }
                return new Ref.FileUse(subdir, candidates, Ref.ReadAs.values()[in.readByte()], readText(in));
            }
            case VARS_DIR:
                return new Ref.VarsDir(readPath(in), readStrings(in), readText(in));
            default:
                throw new IOException("unknown reference " + tag);
        }
    }

    private static void writePath(Out out, PathSpec path) {
        writeText(out, path.path());
        out.writeBoolean(path.dynamic());
        out.writeByte(path.anchor().ordinal());
        writeNullable(out, path.written());
    }

    private static PathSpec readPath(In in) throws IOException {
        return new PathSpec(readText(in), in.readBoolean(), PathSpec.Anchor.values()[in.readByte()], readNullable(in));
    }

    private static void writeUse(Out out, VariableUse use) {
        writeStrings(out, use.names());
        out.writeBoolean(use.dynamic());
        out.writeBoolean(use.hostFacts());
    }

    private static VariableUse readUse(In in) throws IOException {
        List<String> names = readStrings(in);
        boolean dynamic = in.readBoolean();
        boolean hostFacts = in.readBoolean();
        return names.isEmpty() && !dynamic && !hostFacts ? VariableUse.NONE : new VariableUse(Set.copyOf(names), dynamic, hostFacts);
    }

    private static void writeStrings(Out out, Collection<String> strings) {
        out.writeInt(strings.size());
        for (String string : strings) {
            writeText(out, string);
        }
    }

    private static List<String> readStrings(In in) throws IOException {
        int count = in.readInt();
        List<String> strings = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            strings.add(readText(in));
        }
        return strings;
    }

    private static void writeNullable(Out out, String text) {
        out.writeBoolean(text != null);
        if (text != null) {
            writeText(out, text);
        }
    }

    private static String readNullable(In in) throws IOException {
        return in.readBoolean() ? readText(in) : null;
    }

    /**
     * Any text, read back equal: UTF-8, or the chars themselves for a text holding a surrogate
     * (which no charset keeps when it stands alone); of any length (writeUTF stops at 64 KiB).
     */
    private static void writeText(Out out, String text) {
        boolean surrogates = false;
        for (int i = 0; i < text.length() && !surrogates; i++) {
            surrogates = Character.isSurrogate(text.charAt(i));
        }
        out.writeBoolean(surrogates);
        if (surrogates) {
            out.writeInt(text.length());
            out.writeChars(text);
        } else {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static String readText(In in) throws IOException {
        boolean surrogates = in.readBoolean();
        int length = in.readInt();
        if (surrogates) {
            StringBuilder text = new StringBuilder(Math.min(length, 1 << 20));
            for (int i = 0; i < length; i++) {
                text.append(in.readChar());
            }
            return text.toString();
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** A growing byte array, written without the locks of ByteArrayOutputStream (a run writes thousands). */
    private static final class Out {
        private byte[] bytes = new byte[256];
        private int size;

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void writeByte(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
        }

        void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        void writeInt(int value) {
            ensure(4);
            bytes[size++] = (byte) (value >>> 24);
            bytes[size++] = (byte) (value >>> 16);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void write(byte[] more) {
            ensure(more.length);
            System.arraycopy(more, 0, bytes, size, more.length);
            size += more.length;
        }

        void writeChars(String text) {
            ensure(2 * text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[size++] = (byte) (text.charAt(i) >>> 8);
                bytes[size++] = (byte) text.charAt(i);
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** The reading side of {@link Out}; a read past the end throws {@link java.nio.BufferUnderflowException}. */
    private static final class In {
        private final ByteBuffer bytes;

        In(byte[] bytes) {
            this.bytes = ByteBuffer.wrap(bytes);
        }

        int readByte() {
            return bytes.get();
        }

        boolean readBoolean() throws IOException {
            int value = bytes.get();
            if (value != 0 && value != 1) {
                throw new IOException("not a boolean: " + value);
            }
            return value == 1;
        }

        int readInt() {
            return bytes.getInt();
        }

        char readChar() {
            return bytes.getChar();
        }

        byte[] readNBytes(int length) throws IOException {
            if (length < 0 || length > bytes.remaining()) {
                throw new IOException("truncated");
            }
            byte[] read = new byte[length];
            bytes.get(read);
            return read;
        }

        int remaining() {
            return bytes.remaining();
        }
    }
}
