package org.carecommissioning.shared;

/** The authenticated user may not see or change this record. */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
