// strataLayers: plans the layers a change rebuilds and builds them as the plan's DAG allows. The
// root Jenkinsfile loads this folder as a library and calls it; sites call it the same way. See
// vars/strataLayers.txt, and docs/jenkins.md for the stage layout and the Groovy constructs this
// file avoids so that it runs the same under CPS and the script sandbox. Tested on Groovy with
// doubles of the steps it calls: strata-pipeline-library.

/**
 * Plans with layerImpact, then builds the plan in one parallel with a branch per node. A branch
 * waits, outside any node() so that it holds no executor, until its own parent's branch is over,
 * then runs stage(node) { node(label) { build } }: a node starts as soon as its parent is built,
 * and the run takes the plan's critical path. A node whose parent was not built is not built
 * either (its stage shows NOT_BUILT, with the reason); independent branches go on.
 *
 * @param args layerImpact's arguments; {@code label} (default env.STRATA_AGENT_LABEL, else
 *     'buildah'); {@code maxParallel}, how many nodes build at once (default: no cap)
 * @param buildNode builds one node inside node(label), given the plan's entry for it (default:
 *     checkout scm, then buildLayer with the plan's node, from and tag, reuse: true, and the
 *     layers file, registry and repoDirs given)
 * @return the plan
 */
Map call(Map args = [:], Closure buildNode = null) {
    Map impactArgs = [:]
    for (String key in ['config', 'base', 'head', 'mergeBase', 'changedFiles', 'changedRepo', 'startAt', 'imageTypes',
                        'full', 'registry', 'tag', 'repoDirs']) {
        if (args.containsKey(key)) {
            impactArgs[key] = args[key]
        }
    }
    Map sharedArgs = [config: impactArgs.config ?: 'layers.yaml']
    for (String key in ['registry', 'repoDirs']) {
        if (impactArgs.containsKey(key)) {
            sharedArgs[key] = impactArgs[key]
        }
    }
    Map run = [
        label: args.label ?: env.STRATA_AGENT_LABEL ?: 'buildah',
        maxParallel: parallelCap(args.maxParallel),
        build: buildNode ?: { Map layer ->
            checkout scm
            buildLayer(sharedArgs + [node: layer.node, from: layer.from, tag: layer.tag, reuse: true])
        },
        finished: [:],   // node -> true once its branch is over, built or not
        notBuilt: [:],   // node -> why it was not built
        building: 0,     // nodes holding a build slot, when maxParallel caps them
    ]

    Map plan
    node(run.label) {
        stage('Plan') {
            checkout scm
            plan = layerImpact(impactArgs)
        }
    }
    if (plan.build.isEmpty()) {
        echo 'Strata: nothing to build, every layer is reused as published'
        return plan
    }

    Map branches = [:]
    for (Map entry in plan.build) {
        Map layer = entry   // one variable per branch: a closure sees a loop variable's last value
        branches[layer.node] = { layerBranch(layer, run) }
    }
    parallel branches
    return plan
}

/** The cap on nodes building at once: 0 (no cap) when not given, else a positive whole number. */
int parallelCap(Object value) {
    if (value == null) {
        return 0
    }
    if (!(value instanceof Integer) || value < 1) {
        error("strataLayers: maxParallel must be a positive whole number (or left out for no cap), not '${value}'")
    }
    return value
}

/** One node's branch: waits for its parent without an executor, then its stage builds it, or shows why not. */
void layerBranch(Map layer, Map run) {
    try {
        if (layer.parentRebuilt) {
            waitUntil(initialRecurrencePeriod: 1000, quiet: true) { run.finished[layer.parent] == true }
        }
        stage(layer.node) {
            String blocked = layer.parentRebuilt ? run.notBuilt[layer.parent] : null
            if (blocked != null) {
                skip(layer, blocked, run)
            } else {
                buildOnAgent(layer, run)
            }
        }
    } finally {
        run.finished[layer.node] = true
    }
}

/** Marks a node NOT_BUILT because its parent was not built, saying why. */
void skip(Map layer, String blocked, Map run) {
    run.notBuilt[layer.node] = "parent ${layer.parent} was not built".toString()
    echo "Strata: not building ${layer.node}: its parent ${layer.parent} was not built (${blocked})"
    catchError(buildResult: 'FAILURE', stageResult: 'NOT_BUILT', catchInterruptions: false) {
        error("${layer.node} not built: parent ${layer.parent} was not built")
    }
}

/** Builds a node on an agent, within the build-slot cap; a failure fails the stage and the build and is noted for the children. */
void buildOnAgent(Map layer, Map run) {
    catchError(buildResult: 'FAILURE', stageResult: 'FAILURE', catchInterruptions: false) {
        if (run.maxParallel > 0) {
            waitUntil(initialRecurrencePeriod: 1000, quiet: true) { takeSlot(run) }
        }
        try {
            node(run.label) {
                run.build.call(layer)
            }
        } catch (err) {
            run.notBuilt[layer.node] = "its build failed: ${err.message}".toString()
            throw err
        } finally {
            if (run.maxParallel > 0) {
                run.building = run.building - 1
            }
        }
    }
}

/** Takes a build slot if one is free; checked and taken in one go, so two branches never take the last one. */
boolean takeSlot(Map run) {
    if (run.building < run.maxParallel) {
        run.building = run.building + 1
        return true
    }
    return false
}
