package org.carecommissioning.shared;

/** A record that a request names does not exist (or is not visible to the caller). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
