package io.strata.engine.impact;

import io.strata.engine.source.SourceTree;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Rule 2: a root's package list changed in value (reformatting and comments change nothing). */
final class PackageListDiff {

    private PackageListDiff() {
    }

    static Optional<Reason> reason(String rootNode, String basePath, SourceTree base, String headPath, SourceTree head) {
        Optional<byte[]> before = basePath == null ? Optional.empty() : base.read(basePath);
        Optional<byte[]> after = headPath == null ? Optional.empty() : head.read(headPath);
        if (before.isEmpty() && after.isEmpty()) {
            return Optional.empty();
        }
        String file = headPath != null ? headPath : basePath;
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.of(new Reason("packages", file, "package list " + file + " of " + rootNode
                    + (after.isEmpty() ? " was removed" : " was added")));
        }
        if (Arrays.equals(before.get(), after.get())) {
            return Optional.empty();
        }
        Object oldValue = parse(before.get());
        Object newValue = parse(after.get());
        if (oldValue != null && newValue != null && Objects.equals(oldValue, newValue)) {
            return Optional.empty();
        }
        return Optional.of(new Reason("packages", file, "package list " + file + " of " + rootNode + " changed"
                + (oldValue == null || newValue == null ? " (could not be parsed, compared as text)" : "")));
    }

    private static Object parse(byte[] bytes) {
        try {
            Object value = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            return value == null ? "" : value;
        } catch (YAMLException e) {
            return null;
        }
    }
}
