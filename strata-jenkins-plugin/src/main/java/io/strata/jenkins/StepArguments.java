package io.strata.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.FormValidation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;

/**
 * Checks and reads the arguments of the steps. The same checks answer the Snippet Generator's
 * form and stop a Pipeline that passes a wrong value, so both say the same thing.
 */
final class StepArguments {

    private StepArguments() {
    }

    /** The problem with a layers file path, or null when it is fine. */
    static @CheckForNull String checkConfig(@CheckForNull String config) {
        if (config == null || config.isBlank()) {
            return Messages.StepArguments_ConfigRequired();
        }
        for (String part : config.replace('\\', '/').split("/")) {
            if (part.equals("..")) {
                return Messages.StepArguments_ConfigOutside(config);
            }
        }
        return null;
    }

    /** The problem with a node name ({@code layer/type}), or null when it is fine. */
    static @CheckForNull String checkNode(String node) {
        int slash = node.lastIndexOf('/');
        return slash <= 0 || slash == node.length() - 1 ? Messages.StepArguments_NotANode(node) : null;
    }

    /** The problem with a repository folder entry ({@code NAME=PATH}), or null when it is fine. */
    static @CheckForNull String checkRepoDir(String entry) {
        int equals = entry.indexOf('=');
        return equals <= 0 || equals == entry.length() - 1 ? Messages.StepArguments_NotARepoDir(entry) : null;
    }

    /** The problem with {@code NAME=PATH} entries that give one repository name twice, or null. */
    static @CheckForNull String checkRepoDirNames(@CheckForNull List<String> entries) {
        Set<String> names = new HashSet<>();
        for (String name : repoDirNames(entries)) {
            if (!names.add(name)) {
                return Messages.StepArguments_RepoDirTwice(name);
            }
        }
        return null;
    }

    /**
     * The problem with a branch name taken from the build's environment, or null when it is fine.
     * Git's own rules, and never a leading dash, so that it can only be read as a name.
     */
    static @CheckForNull String checkBranch(String branch) {
        boolean bad = branch.isEmpty() || branch.startsWith("-") || branch.startsWith("/") || branch.endsWith("/")
                || branch.endsWith(".lock") || branch.contains("..") || branch.contains("@{") || branch.contains("//");
        for (int i = 0; i < branch.length() && !bad; i++) {
            char c = branch.charAt(i);
            bad = c <= ' ' || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0;
        }
        return bad ? Messages.StepArguments_NotABranch(branch) : null;
    }

    /** The first problem among lines checked one by one, or null. */
    static @CheckForNull String checkEach(@CheckForNull List<String> values, Function<String, String> check) {
        if (values == null) {
            return null;
        }
        for (String value : values) {
            String problem = check.apply(value);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Repository name to folder, from {@code NAME=PATH} entries (checked first). */
    static Map<String, String> repoDirs(@CheckForNull List<String> entries) {
        Map<String, String> dirs = new LinkedHashMap<>();
        if (entries != null) {
            for (String entry : entries) {
                int equals = entry.indexOf('=');
                dirs.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
            }
        }
        return dirs;
    }

    /** The names of {@code NAME=PATH} entries, in order, repeats kept. */
    private static List<String> repoDirNames(@CheckForNull List<String> entries) {
        List<String> names = new ArrayList<>();
        if (entries != null) {
            for (String entry : entries) {
                int equals = entry.indexOf('=');
                names.add((equals < 0 ? entry : entry.substring(0, equals)).strip());
            }
        }
        return names;
    }

    /** The non-blank lines of a text area, stripped. */
    static List<String> lines(@CheckForNull String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\r?\n")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    /** The form's text areas of list fields read one entry a line, in a copy of the form. */
    static JSONObject formLists(JSONObject formData, List<String> listFields) {
        JSONObject data = JSONObject.fromObject(formData);
        for (String field : listFields) {
            if (data.has(field) && !(data.get(field) instanceof JSONArray)) {
                data.put(field, JSONArray.fromObject(lines(data.getString(field))));
            }
        }
        return data;
    }

    /**
     * Pipeline arguments with {@code repoDirs} given as a map ({@code [name: 'path']}) turned into
     * {@code NAME=PATH} entries, and a single string given for a list field turned into a list.
     */
    static Map<String, Object> pipelineLists(Map<String, Object> arguments, List<String> listFields) {
        Map<String, Object> copy = new LinkedHashMap<>(arguments);
        if (copy.get("repoDirs") instanceof Map<?, ?> dirs) {
            List<String> entries = new ArrayList<>();
            dirs.forEach((name, path) -> entries.add(name + "=" + path));
            copy.put("repoDirs", entries);
        }
        for (String field : listFields) {
            if (copy.get(field) instanceof CharSequence text) {
                copy.put(field, new ArrayList<>(List.of(text.toString())));
            }
        }
        return copy;
    }

    /** One line a list entry, for a form's text area. */
    static String joinLines(@CheckForNull List<String> values) {
        return values == null ? "" : String.join("\n", values);
    }

    /** A form check's answer: the problem as an error, or fine. */
    static FormValidation validation(@CheckForNull String problem) {
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    /** A list without blank entries, or null when nothing is left (so that it is not printed as a default). */
    static @CheckForNull List<String> orNull(@CheckForNull List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        return kept.isEmpty() ? null : new ArrayList<>(kept);
    }
}
