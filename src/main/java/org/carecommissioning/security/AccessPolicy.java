package org.carecommissioning.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Least privilege per group. Every role opens Tasklist and the managers watch instances in Cockpit (here); what a
 * role may start or read of each process its capability declares ({@link CapabilityAccess}). Tasks are not granted
 * here: the engine grants a task to its candidate group (or assignee) when the task is created, so a commissioner
 * sees only tasks of their own organisation's group and a therapist sees no invoice. Runs at every start-up and only
 * adds what is missing: one query for the groups, one for their authorizations, and a write only for what lacks.
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
        ensureGroups(Roles.ALL);
        grantMissing(grants());
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
        if (identityService.createGroupQuery().groupId(Roles.ADMIN).count() == 0) {
            saveGroup(Roles.ADMIN, "Camunda administrators", "SYSTEM");
        }
        Grants everything = new Grants();
        for (Resources resource : Resources.values()) {
            everything.grant(Roles.ADMIN, resource, "*", Permissions.ALL);
        }
        grantMissing(everything.list());
    }

    /**
     * Adds what is missing of these grants: the groups' grant authorizations are read in one query, and only an
     * authorization that is missing or lacks one of the permissions is written (a restart with nothing new writes
     * nothing). Grants of one group, resource and id share one authorization, their permissions together.
     */
    private void grantMissing(List<Grant> grants) {
        Map<String, List<Grant>> wanted = new LinkedHashMap<>();
        grants.forEach(grant -> wanted.computeIfAbsent(key(grant.group(), grant.resource().resourceType(),
                grant.resourceId()), key -> new ArrayList<>()).add(grant));
        Map<String, Authorization> existing = new HashMap<>();
        String[] groups = grants.stream().map(Grant::group).distinct().toArray(String[]::new);
        for (Authorization authorization : authorizationService.createAuthorizationQuery().groupIdIn(groups)
                .authorizationType(AUTH_TYPE_GRANT).list()) {
            existing.putIfAbsent(key(authorization.getGroupId(), authorization.getResourceType(),
                    authorization.getResourceId()), authorization);
        }
        wanted.forEach((key, same) -> {
            Grant first = same.get(0);
            List<Permission> permissions = same.stream().flatMap(grant -> grant.permissions().stream()).toList();
            Authorization authorization = existing.get(key);
            if (authorization != null && permissions.stream().allMatch(authorization::isPermissionGranted)) {
                return;
            }
            if (authorization == null) {
                authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                authorization.setGroupId(first.group());
                authorization.setResource(first.resource());
                authorization.setResourceId(first.resourceId());
            }
            permissions.forEach(authorization::addPermission);
            authorizationService.saveAuthorization(authorization);
        });
    }

    private static String key(String group, int resourceType, String resourceId) {
        return group + " " + resourceType + " " + resourceId;
    }

    /** The role groups that do not exist yet, found with one query. */
    private void ensureGroups(List<String> groupIds) {
        Set<String> present = identityService.createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).list()
                .stream().map(Group::getId).collect(Collectors.toSet());
        groupIds.stream().filter(groupId -> !present.contains(groupId))
                .forEach(groupId -> saveGroup(groupId, groupId, "WORKFLOW"));
    }

    private void saveGroup(String groupId, String name, String type) {
        Group group = identityService.newGroup(groupId);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
    }
}
