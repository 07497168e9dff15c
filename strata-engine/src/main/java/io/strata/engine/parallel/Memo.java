package io.strata.engine.parallel;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values computed once per key and shared by threads: the one way the engine caches what it
 * derives, keyed by content (a file's text or blob id, a closure's parts) or, where comparing
 * contents would cost more than it saves, by {@link Identity}. A computation runs outside the
 * map's locks (it may take long, where {@link ConcurrentHashMap#computeIfAbsent} would block every
 * thread whose key falls in the same bin), and must be free of side effects.
 *
 * <p>Two ways to share a key being computed: by default threads racing on it compute the same
 * value and the first one stored wins, so computations may ask other memos in any order.
 * {@link #singleFlight()} makes the others wait for the first computation instead, for leaf
 * computations (parsing a file) that ask no memo themselves, where racing would do the work twice.
 *
 * @param <K> the key
 * @param <V> the value (never null)
 */
public final class Memo<K, V> {

    /** A value a thread is computing; the others wait for it. */
    private static final class Pending<V> {
        final CompletableFuture<V> value = new CompletableFuture<>();
        final Thread owner = Thread.currentThread();
    }

    private final Map<K, Object> values = new ConcurrentHashMap<>();
    private final boolean singleFlight;

    /** A memo whose threads race on a key being computed. */
    public Memo() {
        this(false);
    }

    private Memo(boolean singleFlight) {
        this.singleFlight = singleFlight;
    }

    /** A memo whose threads wait for a key's first computation (which must ask no memo). */
    public static <K, V> Memo<K, V> singleFlight() {
        return new Memo<>(true);
    }

    /** The value of a key, computed the first time it is asked for. */
    @SuppressWarnings("unchecked")
    public V get(K key, Function<? super K, ? extends V> compute) {
        Object found = values.get(key);
        if (found != null && !(found instanceof Pending<?>)) {
            return (V) found;
        }
        if (!singleFlight) {
            V value = compute.apply(key);
            Object raced = values.putIfAbsent(key, value);
            return raced == null ? value : (V) raced;
        }
        if (found == null) {
            Pending<V> mine = new Pending<>();
            found = values.putIfAbsent(key, mine);
            if (found == null) {
                return computeFor(key, mine, compute);
            }
            if (!(found instanceof Pending<?>)) {
                return (V) found;
            }
        }
        Pending<V> pending = (Pending<V>) found;
        // The thread computing the key asks for it again: compute, as a recursive call would.
        return pending.owner == Thread.currentThread() ? compute.apply(key) : Futures.join(pending.value);
    }

    private V computeFor(K key, Pending<V> mine, Function<? super K, ? extends V> compute) {
        try {
            V value = compute.apply(key);
            values.put(key, value);
            mine.value.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            // Not kept: the next ask computes again.
            values.remove(key, mine);
            mine.value.completeExceptionally(e);
            throw e;
        }
    }
}
