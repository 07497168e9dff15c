# Checks out each repository of a multi-repository site at the commit the plan was made from, in
# $STRATA_REPOS_DIR/<name>, and tells strata where: STRATA_REPO_DIRS="name=dir ...". Every value
# comes from variables: STRATA_REPO_COUNT and, for i = 1..count, STRATA_REPO_<i>_NAME, _URL,
# _COMMIT. With CI_JOB_TOKEN (a GitLab job) git authenticates as gitlab-ci-token; the token never
# reaches a command line or the log.
set -e
: "${STRATA_REPOS_DIR:=${CI_BUILDS_DIR:-$PWD}/strata-repos}"
STRATA_REPO_DIRS=""
i=1
while [ "$i" -le "${STRATA_REPO_COUNT:-0}" ]; do
    eval "name=\${STRATA_REPO_${i}_NAME} url=\${STRATA_REPO_${i}_URL} commit=\${STRATA_REPO_${i}_COMMIT}"
    dir="$STRATA_REPOS_DIR/$name"
    if [ ! -d "$dir/.git" ]; then
        mkdir -p "$dir"
        git -C "$dir" init -q
        git -C "$dir" remote add origin "$url"
    fi
    if [ -n "${CI_JOB_TOKEN:-}" ]; then
        git -C "$dir" -c credential.helper='!f() { echo username=gitlab-ci-token; echo "password=$CI_JOB_TOKEN"; }; f' \
            fetch -q origin "$commit"
    else
        git -C "$dir" fetch -q origin "$commit"
    fi
    git -C "$dir" checkout -q --detach "$commit"
    echo "strata: repository $name at $commit in $dir"
    STRATA_REPO_DIRS="$STRATA_REPO_DIRS $name=$dir"
    i=$((i + 1))
done
export STRATA_REPO_DIRS
