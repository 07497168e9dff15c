package io.strata.cli;

/** Output formats of the reporting commands. */
enum OutputFormat {
    text,
    json
}
