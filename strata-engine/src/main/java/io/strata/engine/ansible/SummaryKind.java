package io.strata.engine.ansible;

/** How a file's content is read into a summary. */
enum SummaryKind { PLAYBOOK, TASKS, VARS, META, TEMPLATE }
