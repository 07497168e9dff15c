package io.strata.engine.jinja;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.AdditionOperator;
import com.hubspot.jinjava.el.ext.AstNamedParameter;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.NamedParameterOperator;
import com.hubspot.jinjava.el.ext.StringConcatOperator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jinjava.de.odysseus.el.tree.IdentifierNode;
import jinjava.de.odysseus.el.tree.Tree;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstBracket;
import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstEval;
import jinjava.de.odysseus.el.tree.impl.ast.AstFunction;
import jinjava.de.odysseus.el.tree.impl.ast.AstIdentifier;
import jinjava.de.odysseus.el.tree.impl.ast.AstNested;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstString;

/**
 * Jinjava's own expression parser, extended to note what an expression reads while it builds
 * the JUEL tree: identifiers (from the tree), {@code vars} access, and lookup calls.
 */
final class ReferenceParser extends ExtendedParser {

    private static final Builder FEATURES = new ExtendedSyntaxBuilder(Builder.Feature.METHOD_INVOCATIONS,
            Builder.Feature.VARARGS, Builder.Feature.NULL_PROPERTIES);
    private static final Set<String> LOOKUP_FUNCTIONS = Set.of("lookup", "query", "q");
    private static final Set<String> VARIABLE_PLUGINS = Set.of("vars", "varnames");

    private final Set<AstNode> keywordNames = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> indirectNames = new LinkedHashSet<>();
    private final List<LookupCall> lookups = new ArrayList<>();
    private boolean dynamic;

    private ReferenceParser(String input) {
        super(FEATURES, input);
        putExtensionHandler(NamedParameterOperator.TOKEN, new ExtensionHandler(ExtensionPoint.ADD) {
            @Override
            public AstNode createAstNode(AstNode... children) {
                AstNode parameter = NamedParameterOperator.HANDLER.createAstNode(children);
                keywordNames.add(children[0]);
                return parameter;
            }
        });
    }

    /** The references of a bare expression, or empty when Jinjava cannot parse it. */
    static Optional<ParsedExpression> parse(String expression) {
        ReferenceParser parser = new ReferenceParser("#{" + expression + "}");
        Tree tree;
        try {
            tree = parser.tree();
        } catch (ScanException | ParseException | RuntimeException e) {
            return Optional.empty();
        }
        if (!(tree.getRoot() instanceof AstEval)) {
            return Optional.empty();
        }
        Set<String> identifiers = new LinkedHashSet<>();
        for (IdentifierNode node : tree.getIdentifierNodes()) {
            String name = node.getName();
            if (parser.keywordNames.contains(node) || isInternal(name)) {
                continue;
            }
            if (name.equals("vars")) {
                parser.dynamic = true;
            } else {
                identifiers.add(name);
            }
        }
        return Optional.of(new ParsedExpression(identifiers, parser.indirectNames, parser.dynamic,
                parser.lookups));
    }

    private static boolean isInternal(String name) {
        return name.startsWith(FILTER_PREFIX) || name.startsWith(EXPTEST_PREFIX) || name.equals(INTERPRETER);
    }

    @Override
    protected AstDot createAstDot(AstNode base, String property, boolean lvalue) {
        if (isVars(base)) {
            indirectNames.add(property);
        }
        return super.createAstDot(base, property, lvalue);
    }

    @Override
    protected AstBracket createAstBracket(AstNode base, AstNode property, boolean lvalue, boolean strict) {
        if (isVars(base) && literal(property) != null) {
            indirectNames.add(literal(property));
        }
        return super.createAstBracket(base, property, lvalue, strict);
    }

    @Override
    protected AstFunction createAstFunction(String name, int index, AstParameters params) {
        if (LOOKUP_FUNCTIONS.contains(name)) {
            noteLookup(params);
        }
        return super.createAstFunction(name, index, params);
    }

    private void noteLookup(AstParameters params) {
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < params.getCardinality(); i++) {
            AstNode argument = params.getChild(i);
            if (!(argument instanceof AstNamedParameter)) {
                positional.add(glob(argument));
            }
        }
        if (positional.isEmpty()) {
            return;
        }
        String plugin = JinjaReferences.shortPluginName(positional.get(0));
        List<String> arguments = positional.subList(1, positional.size());
        if (plugin.contains("*")) {
            dynamic = true;
        } else if (VARIABLE_PLUGINS.contains(plugin)) {
            dynamic = true;
            if (plugin.equals("vars")) {
                arguments.stream().filter(argument -> !argument.contains("*")).forEach(indirectNames::add);
            }
        }
        lookups.add(new LookupCall(plugin, arguments));
    }

    /** A literal string as is, a concatenation with its computed parts as '*', else '*'. */
    private static String glob(AstNode node) {
        String literal = literal(node);
        if (literal != null) {
            return literal;
        }
        if (node instanceof AstNested nested) {
            return glob(nested.getChild(0));
        }
        if (node instanceof AstBinary binary && (binary.getOperator() instanceof StringConcatOperator
                || binary.getOperator() instanceof AdditionOperator)) {
            String left = glob(binary.getChild(0));
            String right = glob(binary.getChild(1));
            return left.endsWith("*") && right.startsWith("*") ? left + right.substring(1) : left + right;
        }
        return "*";
    }

    private static String literal(AstNode node) {
        return node instanceof AstString ? (String) node.eval(null, null) : null;
    }

    private static boolean isVars(AstNode node) {
        return node instanceof AstIdentifier identifier && identifier.getName().equals("vars");
    }
}
