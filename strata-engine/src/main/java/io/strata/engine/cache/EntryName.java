package io.strata.engine.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The name of a cache entry (a namespace and a content id) as segments use it: a 16-byte hash
 * orders and finds entries, and the name itself is stored before the value and compared on
 * every hit, so two names that share a hash can never read each other's values. The hash need
 * not resist attacks for that reason, and is cheap (no message digest to start in a short run).
 */
final class EntryName {

    private final String name;
    private final ByteBuffer hash;

    EntryName(String namespace, String id) {
        this.name = namespace + '\0' + id;
        long first = 0xcbf29ce484222325L;
        long second = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            first = (first ^ c) * 0x100000001b3L;
            second = Long.rotateLeft((second ^ c) * 0xC2B2AE3D27D4EB4FL, 31);
        }
        hash = ByteBuffer.allocate(Segment.KEY_BYTES).putLong(mix(first)).putLong(mix(second ^ name.length())).flip();
    }

    /** The hash, as the key of segments' tables (read only; position 0). */
    ByteBuffer hash() {
        return hash;
    }

    /** The bytes a segment stores for a value: the name, then the value. */
    byte[] entry(byte[] value) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + bytes.length + value.length).putInt(bytes.length).put(bytes).put(value).array();
    }

    /** The value of an entry stored under this name's hash, or null when the entry is another name's. */
    byte[] value(byte[] entry) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (entry.length < 4 + bytes.length || ByteBuffer.wrap(entry).getInt() != bytes.length
                || !Arrays.equals(entry, 4, 4 + bytes.length, bytes, 0, bytes.length)) {
            return null;
        }
        return Arrays.copyOfRange(entry, 4 + bytes.length, entry.length);
    }

    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
