package org.carecommissioning.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Least privilege per group. Every role opens Tasklist and the managers watch instances in Cockpit (here); what a
 * role may start or read of each process its capability declares ({@link CapabilityAccess}). Tasks are not granted
 * here: the engine grants a task to its candidate group (or assignee) when the task is created, so a commissioner
 * sees only tasks of their own organisation's group and a therapist sees no invoice. Runs at every start-up and only
 * adds what is missing.
 */
@Component
public class AccessPolicy {

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final List<CapabilityAccess> capabilities;

    AccessPolicy(IdentityService identityService, AuthorizationService authorizationService,
            List<CapabilityAccess> capabilities) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.capabilities = List.copyOf(capabilities);
    }

    public void apply() {
        Roles.ALL.forEach(this::ensureGroup);
        for (Grant grant : grants()) {
            grant(grant.group(), grant.resource(), grant.resourceId(), grant.permissions().toArray(Permission[]::new));
        }
    }

    /** Every grant of the roles: Tasklist for all, Cockpit for the managers, and what each capability declares. */
    List<Grant> grants() {
        Grants common = new Grants();
        for (String group : Roles.ALL) {
            common.grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        for (String manager : Roles.MANAGERS) {
            common.grant(manager, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            common.grant(manager, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.RETRY_JOB);
            common.grant(manager, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ,
                    ProcessInstancePermissions.RETRY_JOB);
            common.grant(manager, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
            common.grant(manager, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
            common.grant(manager, Resources.DEPLOYMENT, "*", Permissions.READ);
            common.grant(manager, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
            common.grant(manager, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
        }
        List<Grant> grants = new ArrayList<>(common.list());
        capabilities.forEach(capability -> grants.addAll(capability.grants()));
        return grants;
    }

    /** Everything, for members of camunda-admin. */
    public void grantAdministrators() {
        ensureGroup(Roles.ADMIN, "Camunda administrators", "SYSTEM");
        for (Resources resource : Resources.values()) {
            grant(Roles.ADMIN, resource, "*", Permissions.ALL);
        }
    }

    void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .authorizationType(AUTH_TYPE_GRANT)
                .singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    private void ensureGroup(String groupId) {
        ensureGroup(groupId, groupId, "WORKFLOW");
    }

    private void ensureGroup(String groupId, String name, String type) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }
}
