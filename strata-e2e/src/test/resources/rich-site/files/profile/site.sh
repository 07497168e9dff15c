export STRATA_SITE=clusterA
