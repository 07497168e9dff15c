package io.strata.engine.ansible;

import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A YAML file read the way Ansible reads it (YAML 1.1, duplicate keys allowed, {@code !vault}
 * and {@code !unsafe} values as strings), or why it cannot be: vault-encrypted or invalid.
 *
 * @param data the parsed data (null for an empty file or when there is a problem)
 * @param problem why the file cannot be analysed, or null
 */
record ParsedFile(Object data, String problem) {

    private static final String VAULT_HEADER = "$ANSIBLE_VAULT;";
    /** A loader per thread: building one costs more than parsing a small file, and one is not thread-safe. */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(ParsedFile::yaml);

    /** Parses a file's bytes. */
    static ParsedFile parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.stripLeading().replace("\uFEFF", "").startsWith(VAULT_HEADER)) {
            return new ParsedFile(null, "vault-encrypted: its content cannot be read");
        }
        try {
            return new ParsedFile(YAML.get().load(text), null);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? ""
                    : " at line " + (e.getProblemMark().getLine() + 1) + ", column " + (e.getProblemMark().getColumn() + 1);
            return new ParsedFile(null, "not valid YAML: " + e.getProblem() + where);
        } catch (YAMLException e) {
            return new ParsedFile(null, "not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    /** Whether the text of a non-YAML file (a template) is vault-encrypted. */
    static boolean isVault(String text) {
        return text.stripLeading().replace("\uFEFF", "").startsWith(VAULT_HEADER);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(64 * 1024 * 1024);
        options.setMaxAliasesForCollections(1000);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new AnsibleConstructor(options), new Representer(dumper), dumper, options);
    }

    /** SnakeYAML's safe constructor plus Ansible's two local tags. */
    private static final class AnsibleConstructor extends SafeConstructor {

        AnsibleConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!vault"), new ConstructYamlStr());
            yamlConstructors.put(new Tag("!unsafe"), new ConstructYamlStr());
        }
    }
}
