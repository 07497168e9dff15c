package io.strata.engine.ansible;

/**
 * Something in a closure the analysis cannot see through: a file that cannot be parsed or is
 * vault-encrypted, or an include whose target cannot be known at all. The caller treats the
 * node as possibly affected by anything.
 *
 * @param path the file concerned (the unreadable file, or the file holding the include)
 * @param detail what cannot be known and why
 */
public record Uncertainty(String path, String detail) {
}
