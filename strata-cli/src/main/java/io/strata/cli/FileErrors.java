package io.strata.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * One line for a file that cannot be read or written (unreadable, missing, a folder, a full or
 * read-only disk), naming the file and what to do, in place of a Java stack trace.
 */
final class FileErrors {

    private FileErrors() {
    }

    /** The I/O failure behind an exception (an {@code UncheckedIOException}'s cause too), or null when it is not one. */
    static IOException cause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** "FILE: what is wrong; what to do". */
    static String describe(IOException error) {
        if (error instanceof FileSystemException fs && fs.getFile() != null) {
            String file = fs.getFile() + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile());
            if (error instanceof AccessDeniedException) {
                return file + ": permission denied; check the file's and its folders' modes and owner";
            }
            if (error instanceof NoSuchFileException) {
                return file + ": no such file or folder; check the path (its folder must exist)";
            }
            if (error instanceof NotDirectoryException) {
                return file + ": not a folder";
            }
            if (error instanceof FileAlreadyExistsException) {
                return file + ": already exists and is in the way; remove it or choose another path";
            }
            String reason = fs.getReason() == null ? "cannot be read or written" : fs.getReason();
            return file + ": " + reason + advice(reason);
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return message + advice(message);
    }

    /** As {@link #describe(IOException)}, naming {@code file} when the failure does not name one. */
    static String describe(IOException error, Path file) {
        boolean named = error instanceof FileSystemException fs && fs.getFile() != null;
        return named ? describe(error) : file + ": " + describe(error);
    }

    private static String advice(String reason) {
        if (reason.contains("No space left")) {
            return "; free space on that disk, or point the output elsewhere";
        }
        if (reason.contains("Read-only file system")) {
            return "; write to a writable folder instead";
        }
        if (reason.contains("Is a directory")) {
            return "; give a file's path, not a folder's";
        }
        return "";
    }
}
