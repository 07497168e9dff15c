// strataLayers: the reference pipeline (the root Jenkinsfile) as a shared-library step, so that
// sites call it instead of copying the loop. See vars/strataLayers.txt and docs/jenkins.md.

/**
 * Plans the layers a change rebuilds and builds them: one stage per level, each holding a
 * parallel of one stage per node, each node on an agent of {@code label}. A node whose parent was
 * not built is not built either (its stage shows NOT_BUILT); independent branches go on.
 *
 * @param args layerImpact's arguments, and {@code label} (default env.STRATA_AGENT_LABEL, else 'buildah')
 * @param buildNode builds one node inside node(label), given the plan's entry for it
 *     (default: checkout scm, then buildLayer with the layers file, registry and repoDirs given)
 * @return the plan
 */
Map call(Map args = [:], Closure buildNode = null) {
    String label = args.label ?: env.STRATA_AGENT_LABEL ?: 'buildah'
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
    Closure build = buildNode ?: { Map layer ->
        checkout scm
        buildLayer(sharedArgs + [node: layer.node, from: layer.from, tag: layer.tag, reuse: true])
    }

    Map plan
    node(label) {
        stage('Plan') {
            checkout scm
            plan = layerImpact(impactArgs)
        }
    }
    if (plan.build.isEmpty()) {
        echo 'Strata: nothing to build, every layer is reused as published'
        return plan
    }

    Map byNode = [:]
    for (Map layer in plan.build) {
        byNode[layer.node] = layer
    }
    Map notBuilt = [:]
    for (int i = 0; i < plan.levels.size(); i++) {
        List level = plan.levels[i]
        stage("Level ${i}") {
            Map branches = [:]
            for (String name in level) {
                Map layer = byNode[name]
                branches[name] = { buildStage(layer, label, notBuilt, build) }
            }
            parallel branches
        }
    }
    return plan
}

/** One node's stage: not built when its parent was not, else built on an agent; notes a failure for its children. */
void buildStage(Map layer, String label, Map notBuilt, Closure build) {
    stage(layer.node) {
        String blocked = layer.parentRebuilt ? notBuilt[layer.parent] : null
        if (blocked != null) {
            notBuilt[layer.node] = "parent ${layer.parent} was not built"
            echo "Strata: not building ${layer.node}: its parent ${layer.parent} was not built (${blocked})"
            catchError(buildResult: 'FAILURE', stageResult: 'NOT_BUILT', catchInterruptions: false) {
                error("${layer.node} not built: parent ${layer.parent} was not built")
            }
            return
        }
        catchError(buildResult: 'FAILURE', stageResult: 'FAILURE', catchInterruptions: false) {
            try {
                node(label) {
                    build(layer)
                }
            } catch (err) {
                notBuilt[layer.node] = "its build failed: ${err.message}"
                throw err
            }
        }
    }
}
