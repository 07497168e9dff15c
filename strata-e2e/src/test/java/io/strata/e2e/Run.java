package io.strata.e2e;

/**
 * How a command of the tests ended.
 *
 * @param exit its exit code
 * @param out its standard output
 * @param err its standard error
 */
record Run(int exit, String out, String err) {

    /** Both outputs, for assertion messages. */
    String all() {
        return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
