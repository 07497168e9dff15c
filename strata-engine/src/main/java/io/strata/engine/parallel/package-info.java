/**
 * What the analysis's threads share. {@link io.strata.engine.parallel.Memo} is the one way the
 * engine caches what it derives within an analysis: parsed files keyed by their content (the
 * inventory's vars files, each file's summary by blob id), closures and reaches keyed by their
 * parts, or by {@link io.strata.engine.parallel.Identity} where comparing contents costs more than
 * it saves. {@link io.strata.engine.parallel.Futures} awaits results of other threads without
 * wrapping their errors. The only cache that outlives an analysis is the layers-file graph of
 * {@link io.strata.engine.graph.LayerGraphBuilder}: four graphs at most, keyed by name and content.
 */
package io.strata.engine.parallel;
