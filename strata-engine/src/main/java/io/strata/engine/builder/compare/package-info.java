/** Comparing any two images outside a build ({@code strata diff}): reading each from the store or its registry. */
package io.strata.engine.builder.compare;
