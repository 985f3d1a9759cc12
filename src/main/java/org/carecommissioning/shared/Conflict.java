package org.carecommissioning.shared;

/** The request cannot be carried out while the record is in its current state (HTTP 409). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
