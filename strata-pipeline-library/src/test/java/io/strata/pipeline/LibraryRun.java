package io.strata.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.codehaus.groovy.control.CompilerConfiguration;

/**
 * One run of a pipeline script (the root {@code Jenkinsfile}, or a script calling the shared
 * library's {@code strataLayers}) on plain Groovy with {@link PipelineStepDoubles}, and everything
 * the doubles recorded: the stages and their results, the build result, the log, the arguments of
 * {@code layerImpact} and {@code buildLayer}, when each build started and ended on the virtual
 * clock, and how many agents were held at once. The test says what {@code layerImpact} returns
 * (a plan the {@code strata} command wrote), how long each node's build takes and which fail.
 */
final class LibraryRun {

    /** The job's SCM as the doubles hand it around ({@code scm}). */
    static final Object SCM = "the job's SCM (double)";
    /** Jenkins' result order: a later one is worse and wins when two are combined. */
    private static final List<String> RESULTS = List.of("SUCCESS", "UNSTABLE", "FAILURE", "NOT_BUILT", "ABORTED");
    private static final long DEFAULT_DURATION = 10;

    /** A build of one node on the virtual clock; {@code end} is -1 while it runs or when it was interrupted. */
    static final class Build {
        final String node;
        final long start;
        long end = -1;
        boolean failed;

        Build(String node, long start) {
            this.node = node;
            this.start = start;
        }
    }

    private final CooperativeScheduler scheduler = new CooperativeScheduler();
    private final Path library;
    private final Map<String, Object> plan;
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, Long> durations = new HashMap<>();
    private final Set<String> failing = new HashSet<>();
    private final Set<String> published = new HashSet<>();
    private final Set<String> promoted = new LinkedHashSet<>();
    private final ThreadLocal<Deque<String>> stages = ThreadLocal.withInitial(ArrayDeque::new);
    private final ThreadLocal<Integer> agentsHeld = ThreadLocal.withInitial(() -> 0);

    private final Map<String, String> stageResults = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private final Map<String, Build> builds = new LinkedHashMap<>();
    private final List<Map<String, Object>> buildLayerCalls = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private Map<String, Object> impactArguments;
    private Map<String, Object> libraryArguments;
    private String buildResult = "SUCCESS";
    private int agentsInUse;
    private int mostAgentsInUse;
    private int checkouts;

    /**
     * A run whose {@code layerImpact} returns {@code planJson}, with the shared library's
     * {@code vars/} folder at {@code library}.
     */
    LibraryRun(Path library, String planJson) throws IOException {
        this.library = library;
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = new ObjectMapper().readValue(planJson, Map.class);
        this.plan = parsed;
    }

    /** Sets an environment variable of the build ({@code env.NAME}). */
    LibraryRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Makes the build of {@code node} take {@code duration} units of virtual time (default 10). */
    LibraryRun takes(String node, long duration) {
        durations.put(node, duration);
        return this;
    }

    /** Makes the build of {@code node} fail once its time has passed. */
    LibraryRun fails(String node) {
        failing.add(node);
        return this;
    }

    /**
     * Says that an image of each of {@code nodes} with the inputs the plan builds was published
     * before (by a merge request's build): buildLayer with {@code reuse: true} then only tags it.
     */
    LibraryRun published(Set<String> nodes) {
        published.addAll(nodes);
        return this;
    }

    /** Aborts the run at virtual time {@code at}, as the stop button does. */
    LibraryRun abortAt(long at) {
        scheduler.abortAt(at);
        return this;
    }

    /** Runs the root Jenkinsfile (or any pipeline script) to its end; the result is in {@link #buildResult()}. */
    LibraryRun runScript(Path script) throws Throwable {
        Script pipeline = load(script);
        return runToEnd(pipeline::run);
    }

    /** Runs {@code strataLayers(args)} as a Jenkinsfile that loaded the library would. */
    LibraryRun runLibrary(Map<String, Object> args) throws Throwable {
        libraryArguments = Map.of("identifier", "strata (as a global library)");
        return runToEnd(() -> libraryStep(args));
    }

    /** Runs a pipeline body as the build: what it throws sets the build's result, as Jenkins does. */
    private LibraryRun runToEnd(Callable<Object> body) throws Throwable {
        scheduler.run(() -> {
            try {
                return body.call();
            } catch (CooperativeScheduler.AbortDouble e) {
                buildResult("ABORTED");
            } catch (RuntimeException e) {
                log.add("ERROR: " + e.getMessage());
                buildResult("FAILURE");
            }
            return null;
        }, 60);
        return this;
    }

    private Script load(Path script) {
        CompilerConfiguration configuration = new CompilerConfiguration();
        configuration.setScriptBaseClass(PipelineStepDoubles.class.getName());
        GroovyShell shell = new GroovyShell(getClass().getClassLoader(), new Binding(), configuration);
        try {
            PipelineStepDoubles loaded = (PipelineStepDoubles) shell.parse(script.toFile());
            loaded.recordInto(this);
            return loaded;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + script, e);
        }
    }

    // What the doubles call.

    CooperativeScheduler scheduler() {
        return scheduler;
    }

    Map<String, String> environment() {
        return environment;
    }

    Object libraryStep(Map<String, Object> args) {
        if (libraryArguments == null) {
            throw new IllegalStateException("strataLayers called before the library step loaded the library");
        }
        return ((PipelineStepDoubles) load(library.resolve("strataLayers.groovy"))).invokeMethod("call", new Object[] {args});
    }

    void libraryLoaded(Map<String, Object> args) {
        libraryArguments = new LinkedHashMap<>(args);
    }

    void stageEntered(String name) {
        if (stageResults.containsKey(name)) {
            violations.add("two stages named " + name);
        }
        stageResults.put(name, null);
        stages.get().push(name);
    }

    void stageLeft() {
        stages.get().pop();
    }

    /** The result a stage ended with, unless a worse one was set in it already. */
    void stageResult(String name, String result) {
        stageResults.merge(name, result, LibraryRun::worse);
    }

    /** {@code catchError}'s stageResult: sets the innermost stage's result. */
    void caughtInStage(String result) {
        String stage = stages.get().peek();
        if (stage != null) {
            stageResult(stage, result);
        }
    }

    void buildResult(String result) {
        buildResult = worse(buildResult, result);
    }

    void echoed(String message) {
        log.add(message);
    }

    void agentTaken(String label) {
        agentsHeld.set(agentsHeld.get() + 1);
        agentsInUse++;
        mostAgentsInUse = Math.max(mostAgentsInUse, agentsInUse);
    }

    void agentReleased() {
        agentsHeld.set(agentsHeld.get() - 1);
        agentsInUse--;
    }

    void requireAgent(String step) {
        if (agentsHeld.get() == 0) {
            violations.add(step + " called outside node(): it needs a workspace on an agent");
        }
    }

    /** {@code waitUntil} is called: waiting while holding an agent would keep an executor idle. */
    void waiting() {
        if (agentsHeld.get() > 0) {
            violations.add("waitUntil inside node(): the branch holds an executor while it waits");
        }
    }

    void checkedOut(Object scm) {
        if (scm != SCM) {
            violations.add("checkout of " + scm + " instead of the job's scm");
        }
        checkouts++;
    }

    Map<String, Object> planned(Map<String, Object> args) {
        impactArguments = new LinkedHashMap<>(args);
        try {
            ObjectMapper mapper = new ObjectMapper();
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = mapper.readValue(mapper.writeValueAsString(plan), Map.class);
            return copy;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> built(Map<String, Object> args) {
        buildLayerCalls.add(new LinkedHashMap<>(args));
        String node = String.valueOf(args.get("node"));
        if (Boolean.TRUE.equals(args.get("reuse")) && published.contains(node)) {
            scheduler.sleep(1);
            promoted.add(node);
            return Map.of("node", node, "result", "reused");
        }
        Build build = new Build(node, scheduler.now());
        if (builds.putIfAbsent(node, build) != null) {
            violations.add(node + " built twice");
        }
        scheduler.sleep(durations.getOrDefault(node, DEFAULT_DURATION));
        build.end = scheduler.now();
        if (failing.contains(node)) {
            build.failed = true;
            throw new PipelineStepDoubles.ErrorStepDouble("buildah: the playbook of " + node + " failed");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("node", node);
        result.put("result", "built");
        return result;
    }

    private static String worse(String a, String b) {
        if (a == null) {
            return b;
        }
        return RESULTS.indexOf(b) > RESULTS.indexOf(a) ? b : a;
    }

    // What the tests read.

    /** The plan {@code layerImpact} returned. */
    Map<String, Object> plan() {
        return plan;
    }

    String buildResult() {
        return buildResult;
    }

    /** Each stage's result, in the order the stages were entered; null while one never ended. */
    Map<String, String> stageResults() {
        return stageResults;
    }

    List<String> log() {
        return log;
    }

    /** The builds that started, by node, in start order. */
    Map<String, Build> builds() {
        return builds;
    }

    /** The nodes buildLayer found published with the same inputs and only tagged. */
    Set<String> promoted() {
        return promoted;
    }

    List<Map<String, Object>> buildLayerCalls() {
        return buildLayerCalls;
    }

    Map<String, Object> impactArguments() {
        return impactArguments;
    }

    Map<String, Object> libraryArguments() {
        return libraryArguments;
    }

    /** Misuses of the steps the run made (a step outside node(), a wait holding an executor, ...): none in a good run. */
    List<String> violations() {
        return violations;
    }

    int mostAgentsInUse() {
        return mostAgentsInUse;
    }

    int checkouts() {
        return checkouts;
    }

    /** Virtual time at the end of the run. */
    long endTime() {
        return scheduler.now();
    }
}
