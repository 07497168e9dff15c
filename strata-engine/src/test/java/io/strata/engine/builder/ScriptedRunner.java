package io.strata.engine.builder;

import io.strata.engine.builder.process.Command;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.CommandRunner;
import io.strata.engine.builder.process.OutputSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A command runner for tests: records every command, answers each with the most recently added
 * matching rule's result (exit 0 and no output when none matches), and streams the answer's lines to the
 * sink like a real run.
 */
public final class ScriptedRunner implements CommandRunner {

    private record Rule(Predicate<Command> matches, Function<Command, CommandResult> answer, int[] remaining) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();

    /** Answers commands whose arguments contain all these words (later rules win). */
    public ScriptedRunner when(List<String> words, CommandResult result) {
        return when(command -> command.argv().containsAll(words), command -> result, Integer.MAX_VALUE);
    }

    /** Answers the next {@code times} matching commands. */
    public ScriptedRunner when(Predicate<Command> matches, Function<Command, CommandResult> answer, int times) {
        rules.add(new Rule(matches, answer, new int[] {times}));
        return this;
    }

    /** A result with exit code and output. */
    public static CommandResult result(int code, String stdout, String stderr) {
        return new CommandResult(code, stdout, stderr);
    }

    @Override
    public synchronized CommandResult run(Command command, OutputSink sink) {
        commands.add(command);
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            if (rule.remaining()[0] > 0 && rule.matches().test(command)) {
                rule.remaining()[0]--;
                CommandResult result = rule.answer().apply(command);
                result.stdout().lines().forEach(line -> sink.line(OutputSink.Stream.OUT, line));
                result.stderr().lines().forEach(line -> sink.line(OutputSink.Stream.ERR, line));
                return result;
            }
        }
        return new CommandResult(0, "", "");
    }

    /** Every command run, in order. */
    public synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    /** The argument vectors run, in order. */
    public synchronized List<List<String>> argvs() {
        return commands.stream().map(Command::argv).toList();
    }

    /** The argument vectors of one program's subcommand (e.g. buildah push). */
    public synchronized List<List<String>> argvs(String program, String subcommand) {
        return commands.stream().map(Command::argv)
                .filter(argv -> argv.get(0).equals(program) && argv.size() > 1 && argv.get(1).equals(subcommand)).toList();
    }
}
