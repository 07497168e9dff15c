package io.strata.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command's manual page in roff ({@code man 1}), written from the same picocli model that
 * prints its {@code --help}: name, synopsis, description, options, exit status and examples.
 */
final class ManPage {

    private final StringBuilder roff = new StringBuilder();

    private ManPage() {
    }

    /** The page of a command ({@code strata} or one of its subcommands). */
    static String of(CommandLine command) {
        ManPage page = new ManPage();
        page.write(command.getCommandSpec());
        return page.roff.toString();
    }

    /** The page's file name: {@code strata.1}, {@code strata-build.1}. */
    static String fileName(CommandLine command) {
        return command.getCommandSpec().qualifiedName("-") + ".1";
    }

    private void write(CommandSpec spec) {
        String name = spec.qualifiedName(" ");
        String version = spec.root().version().length > 0 ? spec.root().version()[0] : "";
        line(".TH " + spec.qualifiedName("-").toUpperCase(Locale.ROOT) + " 1 \"\" \"" + text(version) + "\" \"Strata Manual\"");
        line(".SH NAME");
        line(text(spec.qualifiedName("-")) + " \\- " + text(spec.usageMessage().description().length > 0
                ? spec.usageMessage().description()[0] : name));
        line(".SH SYNOPSIS");
        line(".B " + text(name));
        line(text(spec.commandLine().getHelp().synopsis(0).strip().substring(name.length()).strip()));
        line(".SH DESCRIPTION");
        for (String paragraph : spec.usageMessage().description()) {
            line(".PP");
            line(text(paragraph));
        }
        if (!spec.subcommands().isEmpty()) {
            line(".SH COMMANDS");
            spec.subcommands().forEach((sub, command) -> {
                String[] description = command.getCommandSpec().usageMessage().description();
                line(".TP");
                line("\\fB" + text(sub) + "\\fR");
                line(text(description.length > 0 ? description[0] : ""));
            });
            line(".PP");
            line("Each command has a page of its own: \\fB" + text(spec.qualifiedName("-")) + "\\-\\fICOMMAND\\fR(1).");
        }
        if (!spec.options().isEmpty() || !spec.positionalParameters().isEmpty()) {
            line(".SH OPTIONS");
            for (PositionalParamSpec param : spec.positionalParameters()) {
                line(".TP");
                line("\\fI" + text(param.paramLabel()) + "\\fR");
                line(text(String.join(" ", param.description())));
            }
            for (OptionSpec option : spec.options()) {
                line(".TP");
                String label = option.typeInfo().isBoolean() ? "" : "=\\fI" + text(option.paramLabel()) + "\\fR";
                line(String.join(", ", List.of(option.names()).stream().map(n -> "\\fB" + text(n) + "\\fR").toList()) + label);
                line(text(String.join(" ", option.description()).replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValue()))));
            }
        }
        if (spec.usageMessage().exitCodeList().size() > 0) {
            line(".SH EXIT STATUS");
            spec.usageMessage().exitCodeList().forEach((code, meaning) -> {
                line(".TP");
                line("\\fB" + text(code.strip()) + "\\fR");
                line(text(meaning));
            });
        }
        if (spec.usageMessage().footer().length > 0) {
            line(".SH EXAMPLES");
            line(".nf");
            for (String example : spec.usageMessage().footer()) {
                line(text(example.strip()));
            }
            line(".fi");
        }
    }

    private void line(String text) {
        roff.append(text).append('\n');
    }

    /** Text as roff reads it literally: backslashes and dashes escaped, no line starting a request. */
    private static String text(String value) {
        String escaped = value.replace("\\", "\\e").replace("-", "\\-").replace("%n", " ");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
