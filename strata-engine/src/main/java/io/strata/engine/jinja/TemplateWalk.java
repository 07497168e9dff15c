package io.strata.engine.jinja;

import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.tree.parse.Token;
import com.hubspot.jinjava.tree.parse.TokenScanner;
import com.hubspot.jinjava.tree.parse.UnclosedToken;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects what Jinja texts read: walks a template's tokens (Jinjava's {@link TokenScanner}),
 * keeps the names that {@code for}, {@code set}, {@code macro}, {@code call}, {@code with} and
 * imports bind in scope, and parses every expression with {@link ReferenceParser}.
 */
final class TemplateWalk {

    /** Jinjava's configuration, made on first use: making it loads Jackson, and most values are not templates. */
    private static final class Config {
        static final JinjavaConfig INSTANCE = JinjavaConfig.newBuilder().build();
    }

    private static final Set<String> NOT_VARIABLES = Set.of("true", "false", "none", "True", "False", "None",
            "loop", "item", "ansible_loop", "ansible_loop_var", "ansible_index_var", "varargs", "kwargs",
            "caller", "self");
    private static final Set<String> HOST_FACTS = Set.of("hostvars", "groups", "play_hosts",
            "ansible_play_hosts", "ansible_play_batch");
    private static final Set<String> TAGS_WITHOUT_VARIABLES = Set.of("else", "endif", "endunless", "block",
            "endblock", "endfilter", "endautoescape", "raw", "endraw", "break", "continue");

    private record Scope(String tag, Set<String> bound, String pendingName) {
    }

    private final Set<String> names = new TreeSet<>();
    private final List<LookupCall> lookups = new ArrayList<>();
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private boolean dynamic;

    /** Adds what a template text reads. */
    void template(String text) {
        scopes.clear();
        scopes.push(new Scope("", new HashSet<>(), null));
        try {
            TokenScanner scanner = new TokenScanner(text, Config.INSTANCE);
            while (scanner.hasNext()) {
                Token token = scanner.next();
                if (token instanceof ExpressionToken expression) {
                    expression(expression.getExpr());
                } else if (token instanceof TagToken tag) {
                    tag(tag.getTagName(), tag.getHelpers().trim());
                } else if (token instanceof UnclosedToken unclosed) {
                    add(ConservativeScanner.scan(unclosed.getImage()));
                }
            }
        } catch (RuntimeException e) {
            scopes.clear();
            scopes.push(new Scope("", new HashSet<>(), null));
            add(ConservativeScanner.scan(text));
        }
    }

    /** Adds what a bare expression reads, in the current scope. */
    void expression(String expression) {
        if (expression.isBlank()) {
            return;
        }
        add(ReferenceParser.parse(expression).orElseGet(() -> ConservativeScanner.scan(expression)));
    }

    /** What was read so far. */
    VariableUse use() {
        boolean hostFacts = names.stream().anyMatch(HOST_FACTS::contains);
        return names.isEmpty() && !dynamic ? VariableUse.NONE : new VariableUse(names, dynamic, hostFacts);
    }

    /** The lookup calls seen so far. */
    List<LookupCall> lookups() {
        return List.copyOf(lookups);
    }

    private void add(ParsedExpression parsed) {
        for (String identifier : parsed.identifiers()) {
            if (!NOT_VARIABLES.contains(identifier) && !isBound(identifier)) {
                names.add(identifier);
            }
        }
        parsed.indirectNames().stream().filter(name -> !NOT_VARIABLES.contains(name)).forEach(names::add);
        dynamic |= parsed.dynamic();
        lookups.addAll(parsed.lookups());
    }

    private boolean isBound(String name) {
        for (Scope scope : scopes) {
            if (scope.bound().contains(name)) {
                return true;
            }
        }
        return false;
    }

    private void tag(String name, String helpers) {
        switch (name) {
            case "for" -> forTag(helpers);
            case "if", "elif", "unless", "print", "do", "autoescape" -> expression(helpers);
            case "set" -> setTag(helpers);
            case "endset" -> endSet();
            case "macro" -> macroTag(helpers);
            case "call" -> callTag(helpers);
            case "with" -> withTag(helpers);
            case "filter" -> expression(ExtendedParser.INTERPRETER + " | " + helpers);
            case "include", "extends", "import", "from" -> importTag(name, helpers);
            case "endfor", "endmacro", "endcall", "endwith" -> pop(name.substring(3));
            default -> {
                if (!TAGS_WITHOUT_VARIABLES.contains(name)) {
                    add(ConservativeScanner.scan(helpers));
                }
            }
        }
    }

    private void forTag(String helpers) {
        int in = TagText.indexOfWord(helpers, "in");
        if (in < 0) {
            add(ConservativeScanner.scan(helpers));
            return;
        }
        String rest = helpers.substring(in + 2);
        int recursive = TagText.indexOfWord(rest, "recursive");
        if (recursive >= 0) {
            rest = rest.substring(0, recursive);
        }
        int condition = TagText.indexOfWord(rest, "if");
        expression(condition < 0 ? rest : rest.substring(0, condition));
        push("for", TagText.words(helpers.substring(0, in)));
        if (condition >= 0) {
            expression(rest.substring(condition + 2));
        }
    }

    private void setTag(String helpers) {
        int assign = TagText.indexOfAssignment(helpers);
        if (assign < 0) {
            List<String> target = TagText.words(helpers);
            scopes.push(new Scope("set", new HashSet<>(), target.isEmpty() ? null : target.get(0)));
            return;
        }
        expression(helpers.substring(assign + 1));
        for (String target : TagText.split(helpers.substring(0, assign))) {
            String trimmed = target.replace("(", "").replace(")", "").trim();
            if (TagText.isIdentifier(trimmed)) {
                scopes.peek().bound().add(trimmed);
            } else {
                expression(trimmed);
            }
        }
    }

    private void endSet() {
        Scope top = scopes.peek();
        if (top != null && top.tag().equals("set") && scopes.size() > 1) {
            scopes.pop();
            if (top.pendingName() != null) {
                scopes.peek().bound().add(top.pendingName());
            }
        }
    }

    private void macroTag(String helpers) {
        int open = helpers.indexOf('(');
        int close = helpers.lastIndexOf(')');
        if (open < 0 || close < open) {
            add(ConservativeScanner.scan(helpers));
            return;
        }
        scopes.peek().bound().add(helpers.substring(0, open).trim());
        push("macro", parameters(helpers.substring(open + 1, close)));
    }

    private void callTag(String helpers) {
        List<String> parameters = List.of();
        String call = helpers;
        if (helpers.startsWith("(")) {
            int close = TagText.closingParenthesis(helpers);
            if (close < 0) {
                add(ConservativeScanner.scan(helpers));
                push("call", List.of());
                return;
            }
            parameters = parameters(helpers.substring(1, close));
            call = helpers.substring(close + 1);
        }
        expression(call);
        push("call", parameters);
    }

    private void withTag(String helpers) {
        List<String> bound = new ArrayList<>();
        for (String assignment : TagText.split(helpers)) {
            int assign = TagText.indexOfAssignment(assignment);
            if (assign < 0) {
                expression(assignment);
            } else {
                expression(assignment.substring(assign + 1));
                bound.addAll(TagText.words(assignment.substring(0, assign)));
            }
        }
        push("with", bound);
    }

    private void importTag(String name, String helpers) {
        int end = helpers.length();
        for (String word : List.of("as", "import", "ignore", "with", "without")) {
            int at = TagText.indexOfWord(helpers, word);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        // The target is read as the argument of a lookup, so that the file it names is recorded
        // (a literal, or a glob for a computed name) and the variables it uses are read.
        String target = helpers.substring(0, end).strip();
        expression(target.isEmpty() ? target : "lookup('" + LookupCall.JINJA_INCLUDE + "', " + target + ")");
        if (name.equals("import")) {
            int as = TagText.indexOfWord(helpers, "as");
            if (as >= 0) {
                scopes.peek().bound().addAll(TagText.words(helpers.substring(as + 2)));
            }
        } else if (name.equals("from")) {
            int imported = TagText.indexOfWord(helpers, "import");
            if (imported >= 0) {
                for (String item : TagText.split(helpers.substring(imported + 6))) {
                    List<String> parts = TagText.words(item);
                    if (!parts.isEmpty()) {
                        scopes.peek().bound().add(parts.get(parts.size() - 1));
                    }
                }
            }
        }
    }

    /** Parameter names of a macro or call signature; default values are read in the current scope. */
    private List<String> parameters(String signature) {
        List<String> names = new ArrayList<>();
        for (String parameter : TagText.split(signature)) {
            int assign = TagText.indexOfAssignment(parameter);
            if (assign >= 0) {
                expression(parameter.substring(assign + 1));
                names.addAll(TagText.words(parameter.substring(0, assign)));
            } else {
                names.addAll(TagText.words(parameter));
            }
        }
        return names;
    }

    private void push(String tag, List<String> bound) {
        scopes.push(new Scope(tag, new HashSet<>(bound), null));
    }

    private void pop(String tag) {
        for (Scope scope : scopes) {
            if (scope.tag().equals(tag)) {
                while (scopes.size() > 1 && scopes.pop() != scope) {
                    // unwinds unclosed inner blocks
                }
                return;
            }
        }
    }
}
