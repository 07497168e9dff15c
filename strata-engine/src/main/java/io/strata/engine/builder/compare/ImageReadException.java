package io.strata.engine.builder.compare;

/** An image that cannot be read: not in the store nor pullable, or not listable; the message names it and says what to do. */
public final class ImageReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the image, what went wrong and what to do */
    public ImageReadException(String message) {
        super(message);
    }
}
