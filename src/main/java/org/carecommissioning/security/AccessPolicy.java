package org.carecommissioning.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

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
 * Least privilege per group. Tasks are not granted here: the engine grants a task to its candidate group (or
 * assignee) when the task is created, so a commissioner sees only tasks of their own organisation's group and
 * a therapist sees no invoice. Runs at every start-up and only adds what is missing.
 */
@Component
public class AccessPolicy {

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    AccessPolicy(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    public void apply() {
        Roles.ALL.forEach(this::ensureGroup);
        for (String group : Roles.ALL) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        startable(Roles.COMMISSIONER, "referral");
        startable(Roles.PARTNERSHIP_ADMIN, "partnership-term");
        startable(Roles.FINANCE, "quarterly-invoicing");
        startable(Roles.PURCHASING_OFFICER, "contract-management-meeting");
        grant(Roles.PROVIDER, Resources.PROCESS_DEFINITION, "contract-management-meeting", Permissions.READ);
        grant(Roles.PURCHASING_OFFICER, Resources.PROCESS_DEFINITION, "cmm-next-meeting", Permissions.READ);
        startable(Roles.PURCHASING_OFFICER, "pi-return");
        grant(Roles.PROVIDER, Resources.PROCESS_DEFINITION, "pi-return", Permissions.READ);
        grant(Roles.DATA_INPUT_CLERK, Resources.PROCESS_DEFINITION, "pi-return", Permissions.READ);
        startable(Roles.PURCHASING_OFFICER, "qaf-return");
        grant(Roles.PROVIDER, Resources.PROCESS_DEFINITION, "qaf-return", Permissions.READ);
        for (String key : List.of("referral", "partnership-term")) {
            grant(Roles.COORDINATOR, Resources.PROCESS_DEFINITION, key, Permissions.READ);
        }
        grant(Roles.THERAPIST, Resources.PROCESS_DEFINITION, "referral", Permissions.READ);
        grant(Roles.COMMISSIONER, Resources.PROCESS_DEFINITION, "partnership-term", Permissions.READ);
        grant(Roles.FINANCE, Resources.PROCESS_DEFINITION, "invoice", Permissions.READ);
        for (String manager : Roles.MANAGERS) {
            grant(manager, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(manager, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.RETRY_JOB);
            grant(manager, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ,
                    ProcessInstancePermissions.RETRY_JOB);
            grant(manager, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
            grant(manager, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
            grant(manager, Resources.DEPLOYMENT, "*", Permissions.READ);
            grant(manager, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
            grant(manager, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
        }
    }

    /** Everything, for members of camunda-admin. */
    public void grantAdministrators() {
        ensureGroup(Roles.ADMIN, "Camunda administrators", "SYSTEM");
        for (Resources resource : Resources.values()) {
            grant(Roles.ADMIN, resource, "*", Permissions.ALL);
        }
    }

    private void startable(String group, String processKey) {
        grant(group, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
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
