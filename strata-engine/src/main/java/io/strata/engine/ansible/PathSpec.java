package io.strata.engine.ansible;

import io.strata.engine.jinja.JinjaReferences;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path as a task writes it: literal, or a glob when it is templated ({@code *} for every
 * {@code {{ }}}), relative to Ansible's search directories, to the playbook's directory
 * ({@code {{ playbook_dir }}/...}), to the role ({@code {{ role_path }}/...}), or outside the
 * repository (absolute).
 *
 * @param path the path or glob, without its anchor
 * @param dynamic whether {@code path} is a glob
 * @param anchor what the path is relative to
 * @param written the path as written, for messages
 */
record PathSpec(String path, boolean dynamic, Anchor anchor, String written) {

    /** What a path is relative to. */
    enum Anchor {
        /** Ansible's search directories for the kind of file. */
        SEARCH,
        /** The directory of the playbook being run. */
        PLAYBOOK_DIR,
        /** The directory of the role the reference is in. */
        ROLE_PATH,
        /** An absolute or home-relative path: outside the repository. */
        ABSOLUTE
    }

    private static final Pattern ANCHOR = Pattern.compile("^\\{\\{-?\\s*(playbook_dir|role_path)\\s*-?}}/*");

    /** A path as written; with {@code shellGlob} its {@code ?} and {@code [...]} are wildcards too. */
    static PathSpec of(String written, boolean shellGlob) {
        String text = written.strip();
        Anchor anchor = Anchor.SEARCH;
        Matcher matcher = ANCHOR.matcher(text);
        if (matcher.find()) {
            anchor = matcher.group(1).equals("playbook_dir") ? Anchor.PLAYBOOK_DIR : Anchor.ROLE_PATH;
            text = text.substring(matcher.end());
        } else if (text.startsWith("/") || text.startsWith("~")) {
            anchor = Anchor.ABSOLUTE;
        }
        boolean dynamic = JinjaReferences.isTemplated(text) || text.contains("{#") || text.contains("*")
                || shellGlob && (text.contains("?") || text.contains("["));
        return new PathSpec(dynamic ? Glob.fromTemplate(text, shellGlob) : text, dynamic, anchor, written.strip());
    }

    /** Whether the path is the directory it is relative to ("" or "."). */
    boolean isEmpty() {
        return path.isEmpty() || path.equals(".");
    }

    /** Whether the path's first segment is the given folder name ({@code templates/a.j2}). */
    boolean startsWithFolder(String folder) {
        return folder != null && (path.equals(folder) || path.startsWith(folder + "/"));
    }

    // Part of hash keys of the analysis: the generated equals and hashCode run through method
    // handles, slow in a short run (docs/benchmarks.md).
    @Override
    public boolean equals(Object object) {
        return object instanceof PathSpec other && path.equals(other.path) && dynamic == other.dynamic
                && anchor == other.anchor && Objects.equals(written, other.written);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, dynamic, anchor, written);
    }
}
