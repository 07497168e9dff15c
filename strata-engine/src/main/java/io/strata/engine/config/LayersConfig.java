package io.strata.engine.config;

import java.util.Map;

/**
 * A parsed {@code layers.yaml}.
 *
 * @param file the file's path (as given, for messages)
 * @param inventory the inventory settings, or null when the file has none
 * @param layers the layers by name, in file order
 * @param settings the extension settings
 */
public record LayersConfig(String file, InventorySettings inventory, Map<String, Layer> layers, Settings settings) {
}
