/**
 * How a node's build fails for a reason a person can act on ({@link io.strata.engine.builder.failure.BuildFailure}):
 * thrown by every part of the builder (parent resolution, roots, playbooks, publishing, pruning)
 * and reported by the runner, so it depends on none of them.
 */
package io.strata.engine.builder.failure;
