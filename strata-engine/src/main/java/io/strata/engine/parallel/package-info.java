/**
 * What the analysis's threads share: values computed once per key ({@link io.strata.engine.parallel.Memo},
 * keyed by content or, where comparing contents would cost more than it saves, by
 * {@link io.strata.engine.parallel.Identity}) and results awaited from other threads without
 * wrapping their errors ({@link io.strata.engine.parallel.Futures}).
 */
package io.strata.engine.parallel;
