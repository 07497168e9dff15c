package io.strata.engine.builder;

import java.util.List;

/**
 * A check run against each built image before anything is published: a command run inside the
 * image (through chroot), or a playbook run like a layer's (same groups, same inventory) whose
 * changes are thrown away. A failure means nothing is pushed or tagged.
 *
 * @param command the command, or empty
 * @param playbook the playbook, relative to the node's repository, or null
 */
public record ImageTest(List<String> command, String playbook) {

    /** Keeps an immutable copy; one of the two must be given. */
    public ImageTest {
        command = List.copyOf(command);
        if (command.isEmpty() == (playbook == null)) {
            throw new IllegalArgumentException("an image test is either a command or a playbook");
        }
    }
}
