/**
 * The persistent analysis cache: per-file analysis results kept on disk between runs, keyed by
 * the file's content and the analyser's build, so that a second run parses only what it has not
 * seen ({@link io.strata.engine.cache.AnalysisStore}, its folder {@link io.strata.engine.cache.CacheFolder}).
 */
package io.strata.engine.cache;
