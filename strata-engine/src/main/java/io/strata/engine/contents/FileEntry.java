package io.strata.engine.contents;

/**
 * One entry of an image's filesystem.
 *
 * @param path its path below the root, without a leading slash
 * @param type {@code f} file, {@code d} folder, {@code l} symbolic link, or find's other letters
 * @param mode its permission bits, octal as find prints them ({@code 644})
 * @param uid its owner
 * @param gid its group
 * @param size its size in bytes
 * @param target a link's target ("" otherwise)
 * @param sha256 a regular file's content checksum (null otherwise)
 */
public record FileEntry(String path, String type, String mode, String uid, String gid, long size, String target, String sha256) {
}
