package io.strata.engine.builder.preflight;

/**
 * One preflight check.
 *
 * @param name what was checked
 * @param ok whether it passed
 * @param detail what was found
 * @param hint what to do when it failed ("" when it passed)
 */
public record Check(String name, boolean ok, String detail, String hint) {

    /** A passed check. */
    public static Check pass(String name, String detail) {
        return new Check(name, true, detail, "");
    }

    /** A failed check. */
    public static Check fail(String name, String detail, String hint) {
        return new Check(name, false, detail, hint);
    }

    /** "ok   name: detail" or "FAIL name: detail. Fix: hint". */
    public String format() {
        return (ok ? "ok    " : "FAIL  ") + name + ": " + detail + (ok || hint.isEmpty() ? "" : ". Fix: " + hint);
    }
}
