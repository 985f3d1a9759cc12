package org.carecommissioning.security;

import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * One permission grant a capability needs for a group: {@code permissions} on {@code resourceId} (a process
 * definition key, an application, or {@code *}) of {@code resource}. {@link AccessPolicy} creates it at start-up.
 */
public record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {

    public Grant {
        permissions = List.copyOf(permissions);
    }

    /** The permissions as the engine stores them: one bit each. */
    public int mask() {
        int mask = 0;
        for (Permission permission : permissions) {
            mask |= permission.getValue();
        }
        return mask;
    }
}
