package io.strata.engine.render;

import io.strata.engine.config.LayersConfigParser;
import io.strata.engine.graph.LayerGraph;
import io.strata.engine.graph.LayerGraphBuilder;
import io.strata.engine.graph.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Layer graphs for the picture tests, read from layers files as a site writes them. */
final class Graphs {

    /** The contract's example file. */
    static final String CONTRACT = """
            inventory: {path: 'cluster-inventory', cluster_name: 'clusterA', cluster_name_short: 'ca'}
            my-fav-os:
              image_types:
                - {type: 'base', firstlayer: True, children: ['hsn']}
            hsn:
              repo: 'hsn-config'
              image_types:
                - {type: 'base', groups: ['HSN'], pb: 'hsn.yml', children: ['compute', 'uan']}
            compute:
              repo: 'compute-config'
              image_types:
                - {type: 'compute', groups: ['Compute'], pb: 'comp.yml', children: ['slurm']}
            uan:
              repo: 'uan-config'
              image_types:
                - {type: 'uan', groups: ['UAN'], pb: 'uan.yml', children: ['slurm']}
            slurm:
              repo: 'slurm-config'
              image_types:
                - {type: 'compute', groups: ['Compute'], pb: 'slurm.yml'}
                - {type: 'uan', groups: ['UAN'], pb: 'slurm.yml'}
            """;

    /**
     * Forty nodes: three operating systems; on Rocky a shared HSN base fanning out into four image
     * types with six layers each, and a management chain; on SLES two storage types.
     */
    static final String FORTY = """
            rocky9:
              image_types: [{type: base, firstlayer: true, children: [hsn, management]}]
            hsn:
              image_types: [{type: base, groups: [HSN], pb: hsn.yml, children: [cos]}]
            cos:
              image_types:
                - {type: compute, groups: [Compute], pb: cos.yml, children: [slurm]}
                - {type: uan, groups: [UAN], pb: cos.yml, children: [slurm]}
                - {type: login, groups: [Login], pb: cos.yml, children: [slurm]}
                - {type: gpu, groups: [GPU], pb: cos.yml, children: [slurm]}
            slurm:
              image_types:
                - {type: compute, groups: [Compute], pb: slurm.yml, children: [lustre]}
                - {type: uan, groups: [UAN], pb: slurm.yml, children: [lustre]}
                - {type: login, groups: [Login], pb: slurm.yml, children: [lustre]}
                - {type: gpu, groups: [GPU], pb: slurm.yml, children: [lustre]}
            lustre:
              image_types:
                - {type: compute, groups: [Compute], pb: lustre.yml, children: [monitoring]}
                - {type: uan, groups: [UAN], pb: lustre.yml, children: [monitoring]}
                - {type: login, groups: [Login], pb: lustre.yml, children: [monitoring]}
                - {type: gpu, groups: [GPU], pb: lustre.yml, children: [monitoring]}
            monitoring:
              image_types:
                - {type: compute, groups: [Compute], pb: monitoring.yml, children: [site-config]}
                - {type: uan, groups: [UAN], pb: monitoring.yml, children: [site-config]}
                - {type: login, groups: [Login], pb: monitoring.yml, children: [site-config]}
                - {type: gpu, groups: [GPU], pb: monitoring.yml, children: [site-config]}
                - {type: storage, groups: [Storage], pb: monitoring.yml}
                - {type: service, groups: [Service], pb: monitoring.yml}
                - {type: mgmt, groups: [Management], pb: monitoring.yml}
            site-config:
              image_types:
                - {type: compute, groups: [Compute], pb: site.yml, children: [users]}
                - {type: uan, groups: [UAN], pb: site.yml, children: [users]}
                - {type: login, groups: [Login], pb: site.yml, children: [users]}
                - {type: gpu, groups: [GPU], pb: site.yml, children: [users]}
            users:
              image_types:
                - {type: compute, groups: [Compute], pb: users.yml}
                - {type: uan, groups: [UAN], pb: users.yml}
                - {type: login, groups: [Login], pb: users.yml}
                - {type: gpu, groups: [GPU], pb: users.yml}
            management:
              image_types: [{type: mgmt, groups: [Management], pb: management.yml, children: [k8s]}]
            k8s:
              image_types: [{type: mgmt, groups: [Management], pb: k8s.yml, children: [monitoring]}]
            sles15:
              image_types: [{type: base, firstlayer: true, children: [sles-hsn]}]
            sles-hsn:
              image_types: [{type: base, groups: [HSN], pb: sles-hsn.yml, children: [sles-cos]}]
            sles-cos:
              image_types:
                - {type: storage, groups: [Storage], pb: sles-cos.yml, children: [lustre-server]}
                - {type: service, groups: [Service], pb: sles-cos.yml, children: [lustre-server]}
            lustre-server:
              image_types:
                - {type: storage, groups: [Storage], pb: lustre-server.yml, children: [monitoring]}
                - {type: service, groups: [Service], pb: lustre-server.yml, children: [monitoring]}
            ubuntu:
              image_types: [{type: base, firstlayer: true, children: [ubuntu-hsn]}]
            ubuntu-hsn:
              image_types: [{type: base, groups: [HSN], pb: ubuntu-hsn.yml, children: [ai]}]
            ai:
              image_types: [{type: gpu, groups: [GPU], pb: ai.yml}]
            """;

    /** A layer and an image type with characters that DOT, Mermaid and XML read as syntax. */
    static final String ODD_LAYER = "we\"ird<&>'";

    /** A file whose names need escaping in every format. */
    static final String ODD = """
            os:
              image_types: [{type: base, firstlayer: true, children: ['we"ird<&>''', 'back\\N', 'end#1;']}]
            'we"ird<&>''':
              image_types: [{type: compute, pb: odd.yml, children: ['ünï#cödé']}]
            'ünï#cödé':
              image_types: [{type: compute, pb: unicode.yml}]
            'back\\N':
              image_types: [{type: base, pb: back.yml}]
            'end#1;':
              image_types: [{type: base, pb: end.yml}]
            """;

    private Graphs() {
    }

    /** The graph of a layers file. */
    static LayerGraph of(String yaml) {
        return LayerGraphBuilder.build(LayersConfigParser.parse("layers.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every node's name. */
    static Set<String> names(LayerGraph graph) {
        return graph.topologicalOrder().stream().map(NodeId::toString).collect(Collectors.toSet());
    }

    /** Every edge, written {@code parent -> child}. */
    static Set<String> edges(LayerGraph graph) {
        Set<String> edges = new HashSet<>();
        graph.topologicalOrder().forEach(parent -> graph.children(parent).forEach(child -> edges.add(parent + " -> " + child)));
        return edges;
    }

    /** How many edges the graph has. */
    static int edgeCount(LayerGraph graph) {
        return graph.topologicalOrder().stream().mapToInt(id -> graph.children(id).size()).sum();
    }
}
