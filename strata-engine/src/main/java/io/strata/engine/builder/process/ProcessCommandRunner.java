package io.strata.engine.builder.process;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as local processes. Each one starts in a session of its own (through
 * {@code setsid}) with standard input from {@code /dev/null}, so that cancelling can kill its
 * whole process group, {@code buildah unshare} children and orphaned grandchildren included:
 * SIGTERM to the group, SIGKILL after a grace period.
 */
public final class ProcessCommandRunner implements CommandRunner {

    /** How much of each output stream a result keeps. */
    static final int KEEP_CHARS = 64 * 1024;

    private static final long GRACE_MILLIS = 5_000;

    private final Cancellation cancellation;
    private final ToolPath toolPath;
    private final ProcessWatcher watcher;
    private final String setsid;

    /**
     * A runner bound to a build's cancellation, with this process's {@link ToolPath}.
     *
     * @param cancellation the signal that kills running commands; null for commands that must run
     *     to their end (cleanup)
     */
    public ProcessCommandRunner(Cancellation cancellation) {
        this(cancellation, ToolPath.ofProcess());
    }

    /**
     * A runner bound to a build's cancellation whose commands, and the programs they start, find
     * their tools on {@code toolPath}.
     */
    public ProcessCommandRunner(Cancellation cancellation, ToolPath toolPath) {
        this(cancellation, toolPath, ProcessWatcher.NONE);
    }

    /**
     * A runner as above that tells {@code watcher} of each process it starts and sees end, so
     * that a killed build's tools can be found and stopped by the next run.
     */
    public ProcessCommandRunner(Cancellation cancellation, ToolPath toolPath, ProcessWatcher watcher) {
        this.cancellation = cancellation;
        this.toolPath = toolPath;
        this.watcher = watcher;
        this.setsid = toolPath.find("setsid").map(Path::toString).orElse(null);
    }

    @Override
    public CommandRunner forCleanup() {
        return new ProcessCommandRunner(null, toolPath, watcher);
    }

    @Override
    public CommandResult run(Command command, OutputSink sink) {
        if (cancellation != null) {
            cancellation.check(command.program());
        }
        List<String> argv = new ArrayList<>();
        if (setsid != null) {
            argv.add(setsid);
        }
        argv.add(toolPath.find(command.program()).map(Path::toString).orElse(command.program()));
        argv.addAll(command.argv().subList(1, command.argv().size()));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("PATH", toolPath.value());
        builder.environment().putAll(command.env());
        if (command.workDir() != null) {
            builder.directory(command.workDir().toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            String message = "cannot run " + command.program() + ": " + e.getMessage();
            sink.line(OutputSink.Stream.ERR, message);
            return new CommandResult(-1, "", message);
        }
        watcher.processStarted(process.toHandle());
        Tail out = new Tail();
        Tail err = new Tail();
        Thread outReader = reader(process.getInputStream(), OutputSink.Stream.OUT, sink, out, command.program());
        Thread errReader = reader(process.getErrorStream(), OutputSink.Stream.ERR, sink, err, command.program());
        Cancellation.Registration registration = cancellation == null ? () -> {
        } : cancellation.onCancel(() -> killGroup(process));
        int code;
        try {
            code = process.waitFor();
            outReader.join();
            errReader.join();
        } catch (InterruptedException e) {
            killGroup(process);
            Thread.currentThread().interrupt();
            throw new CancelledException(command.program() + " (interrupted)");
        } finally {
            registration.close();
            watcher.processEnded(process.toHandle());
        }
        if (cancellation != null && cancellation.isCancelled()) {
            throw new CancelledException(command.program());
        }
        return new CommandResult(code, out.text(), err.text());
    }

    private static Thread reader(InputStream stream, OutputSink.Stream which, OutputSink sink, Tail tail, String program) {
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    tail.add(line);
                    sink.line(which, line);
                }
            } catch (IOException e) {
                tail.add("(output of " + program + " cut: " + e.getMessage() + ")");
            }
        }, "strata-output-" + program);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Kills a command's process group: SIGTERM, then SIGKILL after the grace period; processes
     * that left the group but are still its descendants are killed too.
     */
    private void killGroup(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        long pid = process.pid();
        if (setsid != null) {
            signalGroup("TERM", pid);
        }
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS) || descendants.stream().anyMatch(ProcessHandle::isAlive)) {
                if (setsid != null) {
                    signalGroup("KILL", pid);
                }
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void signalGroup(String signal, long pgid) {
        try {
            new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // the group is also reached through the descendants destroyed next
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@link #KEEP_CHARS} characters of a stream. */
    private static final class Tail {

        private final StringBuilder text = new StringBuilder();

        synchronized void add(String line) {
            text.append(line).append('\n');
            if (text.length() > 2 * KEEP_CHARS) {
                text.delete(0, text.length() - KEEP_CHARS);
            }
        }

        synchronized String text() {
            return text.length() > KEEP_CHARS ? text.substring(text.length() - KEEP_CHARS) : text.toString();
        }
    }
}
