package io.strata.engine.builder.ansible;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ansible-playbook} run of a layer: the site inventory then the per-build inventory,
 * limited to the container, with settings passed as environment variables (which override the
 * repository's own {@code ansible.cfg}, still read from the working directory): pipelining on
 * (it applies to the chroot connection only from the {@code [connection]} section, which
 * {@code ANSIBLE_PIPELINING} sets), no retry files, no colour, a fixed Python interpreter, and a
 * local temporary folder inside the build's folder, so an aborted run leaves nothing behind.
 *
 * @param playbook the playbook, relative to the working directory
 * @param siteInventories the site's inventory folders in the order Ansible reads them (none when
 *     the site has no inventory)
 * @param buildInventory the per-build inventory file
 * @param connection how the container is reached
 * @param localTemp the folder for Ansible's local temporary files
 * @param pythonInterpreter the interpreter in the image
 */
public record PlaybookCommand(String playbook, List<Path> siteInventories, Path buildInventory, Connection connection,
        Path localTemp, String pythonInterpreter) {

    /** Copies the folders. */
    public PlaybookCommand {
        siteInventories = List.copyOf(siteInventories);
    }

    /** The interpreter of Debian and EL images. */
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";

    /** The argument vector. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>(List.of("ansible-playbook"));
        for (Path folder : siteInventories) {
            argv.add("-i");
            argv.add(folder.toString());
        }
        argv.add("-i");
        argv.add(buildInventory.toString());
        argv.add("--limit");
        argv.add(BuildInventory.HOST);
        argv.add("-c");
        argv.add(connection.plugin());
        argv.add(playbook);
        return argv;
    }

    /** The environment variables of the run. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ANSIBLE_PIPELINING", "True");
        env.put("ANSIBLE_RETRY_FILES_ENABLED", "False");
        env.put("ANSIBLE_NOCOLOR", "True");
        env.put("ANSIBLE_FORCE_COLOR", "False");
        env.put("ANSIBLE_PYTHON_INTERPRETER", pythonInterpreter);
        env.put("ANSIBLE_LOCAL_TEMP", localTemp.toString());
        env.put("ANSIBLE_HOST_KEY_CHECKING", "False");
        env.put("PYTHONUNBUFFERED", "1");
        return env;
    }
}
