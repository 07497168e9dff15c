package io.strata.engine.builder.packages;

/**
 * One repository of a package list.
 *
 * @param alias its name ({@code BaseOS})
 * @param url its base URL
 * @param gpgcheck whether package signatures are checked (null: the package manager's default)
 * @param suite apt only: the suite, when it differs from the list's {@code release}
 * @param components apt only: the components, space-separated (default {@code main})
 */
public record PackageRepo(String alias, String url, Boolean gpgcheck, String suite, String components) {
}
