package io.strata.engine.config;

/**
 * One thing wrong with a user's file: where, which key, what, and what to do about it.
 *
 * @param location file, line and column
 * @param key the offending key or value (may be empty)
 * @param message what is wrong
 * @param hint what to do about it
 */
public record Problem(SourceLocation location, String key, String message, String hint) {

    /** "file:line:col: error: message (key 'k'). Fix: hint". */
    public String format() {
        StringBuilder text = new StringBuilder().append(location).append(": error: ").append(message);
        if (key != null && !key.isEmpty()) {
            text.append(" (key '").append(key).append("')");
        }
        if (hint != null && !hint.isEmpty()) {
            text.append(". Fix: ").append(hint);
        }
        return text.toString();
    }
}
