/**
 * What an image holds and how two images differ: the installed packages read from the image's
 * own package database ({@link io.strata.engine.contents.DpkgStatus}), compared by the
 * distribution's version order ({@link io.strata.engine.contents.DebianVersion}) into
 * {@link io.strata.engine.contents.PackageChanges}.
 */
package io.strata.engine.contents;
