package io.strata.engine.parallel;

/**
 * A key that is equal only to a key of the same object: for memos of values computed once and
 * shared (a closure, a cached part), where comparing contents would cost more than the memo saves.
 *
 * @param <T> what is wrapped
 * @param value the object
 */
public record Identity<T>(T value) {

    @Override
    public boolean equals(Object other) {
        return other instanceof Identity<?> identity && identity.value == value;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(value);
    }
}
