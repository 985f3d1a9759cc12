package org.carecommissioning.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/** Builds a capability's list of {@link Grant}s in the words of the roles table: who starts and who reads a process. */
public final class Grants {

    private final List<Grant> grants = new ArrayList<>();

    /** The group starts the process: it reads its definition and may create its instances. */
    public Grants startable(String group, String processKey) {
        grant(group, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        return grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }

    /** The group reads the process's definition (its tasks' forms and diagram), without starting it. */
    public Grants readable(String group, String processKey) {
        return grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ);
    }

    public Grants grant(String group, Resource resource, String resourceId, Permission... permissions) {
        grants.add(new Grant(group, resource, resourceId, List.of(permissions)));
        return this;
    }

    public List<Grant> list() {
        return List.copyOf(grants);
    }
}
