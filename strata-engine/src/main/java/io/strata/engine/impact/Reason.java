package io.strata.engine.impact;

import java.util.Objects;

/**
 * One link in the chain from a changed file to a rebuilt node.
 *
 * @param kind the kind of input that changed: {@code definition}, {@code packages},
 *     {@code playbook}, {@code role}, {@code file}, {@code variable}, {@code groups},
 *     {@code dynamic}, {@code vault}, {@code unparseable}, {@code external}, {@code config},
 *     {@code parent}, {@code start-at} or {@code full}
 * @param file the changed file (null when none, e.g. {@code parent})
 * @param detail the chain, for a person: "role slurm used by slurm.yml"
 */
public record Reason(String kind, String file, String detail) {

    /** The reason of a node rebuilt because its parent is. */
    public static Reason parent(String parentNode) {
        return new Reason("parent", null, "parent " + parentNode + " is rebuilt");
    }

    // Reasons are deduplicated in sets: the generated equals and hashCode run through method
    // handles, slow in a short run (docs/benchmarks.md).
    @Override
    public boolean equals(Object object) {
        return object instanceof Reason other && Objects.equals(kind, other.kind) && Objects.equals(file, other.file)
                && Objects.equals(detail, other.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, file, detail);
    }
}
