package io.strata.engine.impact;

/** The contract's example as a single-repository site with real roles and an inventory. */
final class SeedSite {

    private SeedSite() {
    }

    static final String LAYERS = """
            inventory:
              path: 'cluster-inventory'
              cluster_name: 'clusterA'
              cluster_name_short: 'ca'

            my-fav-os:
              image_types:
                - {type: 'base', firstlayer: True, children: ['hsn']}

            hsn:
              image_types:
                - {type: 'base', groups: ['HSN'], pb: 'hsn.yml', children: ['compute', 'uan']}

            compute:
              image_types:
                - {type: 'compute', groups: ['Compute'], pb: 'comp.yml', children: ['slurm']}

            uan:
              image_types:
                - {type: 'uan', groups: ['UAN'], pb: 'uan.yml', children: ['slurm']}

            slurm:
              image_types:
                - {type: 'compute', groups: ['Compute'], pb: 'slurm.yml'}
                - {type: 'uan', groups: ['UAN'], pb: 'slurm.yml'}
            """;

    /** Writes the site and commits it; returns the commit. */
    static String write(SiteHistory site) {
        site.write("layers.yaml", LAYERS)
                .write("packages.yaml", """
                        manager: apt
                        release: bookworm
                        packages: [python3, chrony]
                        """)
                .write("hsn.yml", "- hosts: HSN\n  roles:\n    - hsn\n")
                .write("comp.yml", "- hosts: Compute\n  roles:\n    - compute_node\n")
                .write("uan.yml", "- hosts: UAN\n  roles:\n    - uan\n")
                .write("slurm.yml", "- hosts: Compute:UAN\n  roles:\n    - role: slurm\n")
                .write("roles/hsn/tasks/main.yml", """
                        - name: HSN settings
                          ansible.builtin.template:
                            src: hsn.conf.j2
                            dest: /etc/hsn.conf
                        """)
                .write("roles/hsn/templates/hsn.conf.j2", "mtu={{ hsn_mtu }}\n")
                .write("roles/hsn/defaults/main.yml", "hsn_mtu: 1500\n")
                .write("roles/compute_node/meta/main.yml", "dependencies:\n  - role: tuning\n")
                .write("roles/compute_node/tasks/main.yml", """
                        - name: Huge pages
                          ansible.builtin.copy:
                            content: "vm.nr_hugepages = {{ compute_hugepages }}"
                            dest: /etc/sysctl.d/80-hugepages.conf
                          when: compute_hugepages | int > 0
                        """)
                .write("roles/tuning/defaults/main.yml", "tuning_profile: \"{{ compute_profile }}\"\n")
                .write("roles/tuning/tasks/main.yml", """
                        - name: Tuning
                          ansible.builtin.template:
                            src: tuning.j2
                            dest: /etc/tuning.conf
                        """)
                .write("roles/tuning/templates/tuning.j2", "profile={{ tuning_profile }}\n")
                .write("roles/uan/tasks/main.yml", """
                        - name: motd
                          ansible.builtin.copy:
                            content: "{{ uan_motd }}"
                            dest: /etc/motd
                        """)
                .write("roles/slurm/meta/main.yml", "dependencies:\n  - munge\n")
                .write("roles/slurm/tasks/main.yml", """
                        - name: Slurm configuration
                          ansible.builtin.template:
                            src: slurm.conf.j2
                            dest: /etc/slurm/slurm.conf
                          notify: restart nothing
                        """)
                .write("roles/slurm/handlers/main.yml", "- name: restart nothing\n  ansible.builtin.debug:\n    msg: done\n")
                .write("roles/slurm/templates/slurm.conf.j2", "SlurmctldHost={{ slurm_controller }}\n")
                .write("roles/slurm/README.md", "# slurm role\n")
                .write("roles/slurm/molecule/default/converge.yml", "- hosts: all\n  roles: [slurm]\n")
                .write("roles/munge/tasks/main.yml", "- name: munge\n  ansible.builtin.debug:\n    msg: \"{{ munge_threads }}\"\n")
                .write("cluster-inventory/hosts.yml", """
                        all:
                          children:
                            HSN:
                              children:
                                Compute:
                                  hosts:
                                    c001:
                                    c002:
                                UAN:
                                  hosts:
                                    uan01:
                        """)
                .write("cluster-inventory/group_vars/all.yml", """
                        slurm_controller: ctl01
                        munge_threads: 2
                        site_contact: admin@example.org
                        """)
                .write("cluster-inventory/group_vars/Compute.yml", """
                        compute_hugepages: 0
                        compute_profile: hpc
                        """)
                .write("cluster-inventory/group_vars/UAN.yml", "uan_motd: Welcome\n");
        return site.commit("seed site");
    }
}
