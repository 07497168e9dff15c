package io.strata.engine.config;

import java.util.List;

/**
 * A layers file read leniently.
 *
 * @param config the configuration as best understood
 * @param problems everything wrong with it, in file order
 */
public record ParsedLayers(LayersConfig config, List<Problem> problems) {
}
