package io.strata.engine.parallel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values computed once per key and shared by threads. A computation runs outside the map's locks
 * (it may take long and use other memos, where {@link ConcurrentHashMap#computeIfAbsent} would
 * block every thread whose key falls in the same bin); threads racing on one key compute the same
 * value and the first one stored wins, so computations must be free of side effects.
 *
 * @param <K> the key
 * @param <V> the value (never null)
 */
public final class Memo<K, V> {

    private final Map<K, V> values = new ConcurrentHashMap<>();

    /** The value of a key, computed the first time it is asked for. */
    public V get(K key, Function<? super K, ? extends V> compute) {
        V value = values.get(key);
        if (value == null) {
            value = compute.apply(key);
            V raced = values.putIfAbsent(key, value);
            return raced == null ? value : raced;
        }
        return value;
    }
}
