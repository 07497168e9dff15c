package io.strata.engine.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.CRC32;

/**
 * One immutable file of cache entries, written whole by one run and renamed into place, so that
 * no reader ever sees it half-written. Layout (big-endian): the magic {@code STRATA-C}, the
 * format, the analyser version (length and UTF-8 bytes), the entry count, the file's length and
 * the CRC-32 of the table; then the table, one row per entry sorted by key (a 16-byte key, the
 * value's offset, length and CRC-32); then the values. A reader maps the file and looks entries
 * up by binary search in the table, so opening costs one check of the table, not a read of every
 * value; a damaged value is found by its own CRC when it is read.
 */
final class Segment {

    /** Why a file cannot be used. */
    enum Fault {
        /** Written by another build of the analyser: its results may differ. */
        FOREIGN,
        /** Truncated, or its bytes are not what was written. */
        DAMAGED
    }

    /** A file that cannot be used, and why. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;
        final Fault fault;

        Unusable(Fault fault, String message) {
            super(message, null, false, false);
            this.fault = fault;
        }
    }

    static final String SUFFIX = ".seg";
    private static final byte[] MAGIC = "STRATA-C".getBytes(StandardCharsets.US_ASCII);
    static final int KEY_BYTES = 16;
    private static final int ROW_BYTES = KEY_BYTES + 8 + 4 + 4;

    private final Path file;
    private final MappedByteBuffer bytes;
    private final int count;
    private final int table;

    private Segment(Path file, MappedByteBuffer bytes, int count, int table) {
        this.file = file;
        this.bytes = bytes;
        this.count = count;
        this.table = table;
    }

    /** The file this segment was read from. */
    Path file() {
        return file;
    }

    /** How many entries it holds. */
    int size() {
        return count;
    }

    /**
     * Maps a segment file and checks its header and table.
     *
     * @throws Unusable when it is another build's, truncated or damaged
     * @throws IOException when it cannot be read (deleted meanwhile, ...)
     */
    static Segment open(Path file, String version) throws IOException, Unusable {
        MappedByteBuffer bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            if (length > Integer.MAX_VALUE) {
                throw new Unusable(Fault.DAMAGED, "larger than a segment can be");
            }
            bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, length);
        }
        try {
            byte[] magic = new byte[MAGIC.length];
            bytes.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new Unusable(Fault.DAMAGED, "not a Strata cache segment");
            }
            if (bytes.getInt() != CacheVersion.FORMAT) {
                throw new Unusable(Fault.FOREIGN, "another segment format");
            }
            byte[] written = new byte[bytes.getInt()];
            bytes.get(written);
            if (!new String(written, StandardCharsets.UTF_8).equals(version)) {
                throw new Unusable(Fault.FOREIGN, "written by Strata " + new String(written, StandardCharsets.UTF_8));
            }
            int count = bytes.getInt();
            long length = bytes.getLong();
            int tableCrc = bytes.getInt();
            if (length != bytes.capacity() || count < 0 || (long) count * ROW_BYTES > length - bytes.position()) {
                throw new Unusable(Fault.DAMAGED, "truncated");
            }
            int table = bytes.position();
            if (crc(bytes, table, count * ROW_BYTES) != tableCrc) {
                throw new Unusable(Fault.DAMAGED, "its table does not match its checksum");
            }
            return new Segment(file, bytes, count, table);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new Unusable(Fault.DAMAGED, "truncated");
        }
    }

    /**
     * The value of a key, or null when this segment does not hold it.
     *
     * @throws Unusable when the value's bytes do not match their checksum or lie outside the file
     */
    byte[] find(byte[] key) throws Unusable {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compareKey(table + middle * ROW_BYTES, key);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return value(table + middle * ROW_BYTES);
            }
        }
        return null;
    }

    private byte[] value(int row) throws Unusable {
        long offset = bytes.getLong(row + KEY_BYTES);
        int length = bytes.getInt(row + KEY_BYTES + 8);
        int crc = bytes.getInt(row + KEY_BYTES + 12);
        if (offset < table || length < 0 || offset + length > bytes.capacity()) {
            throw new Unusable(Fault.DAMAGED, "an entry lies outside the file");
        }
        if (crc(bytes, (int) offset, length) != crc) {
            throw new Unusable(Fault.DAMAGED, "an entry does not match its checksum");
        }
        byte[] value = new byte[length];
        bytes.get((int) offset, value);
        return value;
    }

    private int compareKey(int at, byte[] key) {
        for (int i = 0; i < KEY_BYTES; i++) {
            // Signed, as ByteBuffer.compareTo orders the keys the writer sorts.
            int order = Byte.compare(bytes.get(at + i), key[i]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static int crc(ByteBuffer bytes, int from, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes.slice(from, length));
        return (int) crc.getValue();
    }

    /**
     * Writes a segment of the given entries to a file (which must not be visible to readers yet:
     * the caller renames it into place).
     */
    static void write(Path file, String version, SortedMap<ByteBuffer, byte[]> entries) throws IOException {
        byte[] versionBytes = version.getBytes(StandardCharsets.UTF_8);
        int header = MAGIC.length + 4 + 4 + versionBytes.length + 4 + 8 + 4;
        long length = header + (long) entries.size() * ROW_BYTES;
        for (byte[] value : entries.values()) {
            length += value.length;
        }
        if (length > Integer.MAX_VALUE) {
            throw new IOException("more than 2 GiB of cache entries in one run");
        }
        ByteBuffer out = ByteBuffer.allocate((int) length);
        out.put(MAGIC).putInt(CacheVersion.FORMAT).putInt(versionBytes.length).put(versionBytes)
                .putInt(entries.size()).putLong(length);
        int crcAt = out.position();
        out.putInt(0);
        int tableAt = out.position();
        long offset = tableAt + (long) entries.size() * ROW_BYTES;
        for (Map.Entry<ByteBuffer, byte[]> entry : entries.entrySet()) {
            byte[] value = entry.getValue();
            CRC32 crc = new CRC32();
            crc.update(value);
            out.put(entry.getKey().duplicate()).putLong(offset).putInt(value.length).putInt((int) crc.getValue());
            offset += value.length;
        }
        out.putInt(crcAt, crc(out, tableAt, entries.size() * ROW_BYTES));
        for (byte[] value : entries.values()) {
            out.put(value);
        }
        out.flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (out.hasRemaining()) {
                channel.write(out);
            }
        }
    }
}
