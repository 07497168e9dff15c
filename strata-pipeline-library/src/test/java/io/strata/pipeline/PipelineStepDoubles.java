package io.strata.pipeline;

import groovy.lang.Closure;
import groovy.lang.Script;
import io.strata.pipeline.CooperativeScheduler.AbortDouble;
import io.strata.pipeline.CooperativeScheduler.Fiber;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test doubles of the Pipeline steps that {@code vars/strataLayers.groovy} and the root
 * {@code Jenkinsfile} call, as the base class of those scripts when a test runs them on plain
 * Groovy. They are not Jenkins: each records what it was asked (into a {@link LibraryRun}) and
 * does what the real step does as far as the library can observe it: {@code parallel} runs its
 * branches as interleaved fibers and waits for all, {@code waitUntil} blocks until its body
 * returns true, {@code catchError} sets stage and build results, {@code buildLayer} takes virtual
 * time and fails where the test says, and an abort interrupts them. Arguments a real step does not
 * take are rejected, as Jenkins rejects them (Strata's steps: read from the plugin's source, see
 * {@link StepParameters}).
 */
public abstract class PipelineStepDoubles extends Script {

    private static final Set<String> CATCH_ERROR_PARAMETERS = Set.of("buildResult", "stageResult", "message", "catchInterruptions");
    private static final Set<String> WAIT_UNTIL_PARAMETERS = Set.of("initialRecurrencePeriod", "quiet");
    private static final Set<String> LIBRARY_PARAMETERS = Set.of("identifier", "retriever", "changelog");
    private static final Path PLUGIN_SOURCES = Path.of(System.getProperty("strata.plugin.sources"));
    private static final Set<String> LAYER_IMPACT_PARAMETERS = StepParameters.of(PLUGIN_SOURCES, "LayerImpactStep");
    private static final Set<String> BUILD_LAYER_PARAMETERS = StepParameters.of(PLUGIN_SOURCES, "BuildLayerStep");

    private LibraryRun run;

    /** The run these doubles record into. */
    void recordInto(LibraryRun run) {
        this.run = run;
    }

    /** Double of {@code node}: holds an agent of the label while the body runs. */
    public Object node(String label, Closure<?> body) {
        run.scheduler().checkAborted();
        run.agentTaken(label);
        try {
            return body.call();
        } finally {
            run.agentReleased();
        }
    }

    /** Double of {@code stage}: the body's result is the stage's, unless {@code catchError} set one. */
    public Object stage(String name, Closure<?> body) {
        run.stageEntered(name);
        try {
            Object result = body.call();
            run.stageResult(name, "SUCCESS");
            return result;
        } catch (AbortDouble e) {
            run.stageResult(name, "ABORTED");
            throw e;
        } catch (RuntimeException e) {
            run.stageResult(name, "FAILURE");
            throw e;
        } finally {
            run.stageLeft();
        }
    }

    /** Double of {@code parallel}: every branch runs, interleaved; then the first failure, if any, is thrown. */
    public void parallel(Map<String, Closure<?>> branches) {
        CooperativeScheduler scheduler = run.scheduler();
        List<Fiber> fibers = new ArrayList<>();
        for (Map.Entry<String, Closure<?>> branch : branches.entrySet()) {
            if (!"failFast".equals(branch.getKey())) {
                fibers.add(scheduler.start(branch.getKey(), () -> branch.getValue().call()));
            }
        }
        List<Throwable> failures = scheduler.join(fibers);
        if (!failures.isEmpty()) {
            throw failures.get(0) instanceof RuntimeException e ? e : new IllegalStateException(failures.get(0));
        }
    }

    /** Double of {@code checkout}: records the checkout, on an agent. */
    public void checkout(Object scm) {
        run.requireAgent("checkout");
        run.checkedOut(scm);
    }

    /** Double of {@code catchError}: an error in the body sets the build's and the enclosing stage's result; interruptions pass unless caught. */
    public Object catchError(Map<String, Object> args, Closure<?> body) {
        requireParameters("catchError", args, CATCH_ERROR_PARAMETERS);
        try {
            return body.call();
        } catch (AbortDouble e) {
            if (Boolean.FALSE.equals(args.get("catchInterruptions"))) {
                throw e;
            }
            caught(args, e);
            return null;
        } catch (RuntimeException e) {
            caught(args, e);
            return null;
        }
    }

    private void caught(Map<String, Object> args, RuntimeException e) {
        run.echoed("ERROR: " + e.getMessage());
        run.buildResult(String.valueOf(args.getOrDefault("buildResult", "FAILURE")));
        run.caughtInStage(String.valueOf(args.getOrDefault("stageResult", "SUCCESS")));
    }

    /** Double of {@code error}: fails with the message. */
    public void error(String message) {
        throw new ErrorStepDouble(message);
    }

    /** Double of {@code echo}. */
    public void echo(String message) {
        run.echoed(message);
    }

    /** Double of {@code layerImpact}: on an agent, returns (a copy of) the plan the test gave. */
    public Map<String, Object> layerImpact(Map<String, Object> args) {
        requireParameters("layerImpact", args, LAYER_IMPACT_PARAMETERS);
        run.requireAgent("layerImpact");
        return run.planned(args);
    }

    /** Double of {@code buildLayer}: on an agent, takes the node's duration of virtual time, then fails where the test says. */
    public Map<String, Object> buildLayer(Map<String, Object> args) {
        requireParameters("buildLayer", args, BUILD_LAYER_PARAMETERS);
        run.requireAgent("buildLayer");
        return run.built(args);
    }

    /** Double of {@code waitUntil}: blocks until the body returns true; the body must return a boolean, as in Jenkins. */
    public void waitUntil(Map<String, Object> args, Closure<?> condition) {
        requireParameters("waitUntil", args, WAIT_UNTIL_PARAMETERS);
        run.waiting();
        run.scheduler().waitUntil(() -> {
            Object value = condition.call();
            if (!(value instanceof Boolean result)) {
                throw new IllegalStateException("waitUntil's body returned " + value + ", not a boolean");
            }
            return result;
        });
    }

    /** Double of {@code library}: loads the shared library the test points at, whose steps then resolve. */
    public Object library(Map<String, Object> args) {
        requireParameters("library", args, LIBRARY_PARAMETERS);
        run.libraryLoaded(args);
        return null;
    }

    /** Double of {@code legacySCM}: a retriever that takes the library from the job's own SCM. */
    public Object legacySCM(Object scm) {
        return new LegacyScmRetrieverDouble(scm);
    }

    /** The {@code strataLayers} step of the loaded library. */
    public Object strataLayers(Map<String, Object> args) {
        return run.libraryStep(args);
    }

    /** Double of {@code env}. */
    public Map<String, String> getEnv() {
        return run.environment();
    }

    /** Double of {@code scm}: the job's SCM. */
    public Object getScm() {
        return LibraryRun.SCM;
    }

    private static void requireParameters(String step, Map<String, Object> args, Set<String> known) {
        for (String name : args.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(step + " has no parameter " + name + "; it takes " + known);
            }
        }
    }

    /** Double of the exception the {@code error} step throws (hudson.AbortException in Jenkins). */
    static final class ErrorStepDouble extends RuntimeException {
        ErrorStepDouble(String message) {
            super(message);
        }
    }

    /** What {@code legacySCM(scm)} returns: which SCM the library comes from. */
    record LegacyScmRetrieverDouble(Object scm) {
    }
}
