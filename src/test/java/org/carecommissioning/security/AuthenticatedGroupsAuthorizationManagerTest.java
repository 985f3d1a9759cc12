package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.support.ApplicationTest;
import org.carecommissioning.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12: the engine no longer reads every group holding an authorization in each command (a read of every task
 * grant at scale); a user's groups go into its checks as they are, which answers every check as before.
 */
@ApplicationTest
class AuthenticatedGroupsAuthorizationManagerTest {

    @Autowired
    ProcessEngineConfiguration configuration;
    @Autowired
    TaskService taskService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    IdentityService identityService;

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    @Test
    @DisplayName("the engine checks authorizations with the manager that keeps the user's groups, and it reads nothing to do so")
    void engineUsesIt() {
        AuthorizationManager manager = ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired()
                .execute((Command<AuthorizationManager>) context -> context.getAuthorizationManager());
        assertThat(manager).isInstanceOf(AuthenticatedGroupsAuthorizationManager.class);
        // outside any command: the engine's own manager could not run its query here
        assertThat(new AuthenticatedGroupsAuthorizationManager().filterAuthenticatedGroupIds(List.of("a", "b")))
                .containsExactly("a", "b");
        assertThat(new AuthenticatedGroupsAuthorizationManager().filterAuthenticatedGroupIds(null)).isEmpty();
    }

    @Test
    @DisplayName("beside a group with no authorization: a group's grant on one task shows that task only, a group's grant on "
            + "every task shows both, and the group without authorization alone shows none")
    void groupsWithoutAuthorizationChangeNothing() {
        String code = Scenario.uniqueCode("AG").toLowerCase();
        Task granted = newTask("Granted " + code);
        Task other = newTask("Other " + code);
        List<Authorization> authorizations = List.of(
                authorization(Authorization.AUTH_TYPE_GRANT, "granted-" + code, granted.getId()),
                authorization(Authorization.AUTH_TYPE_GRANT, "team-" + code, "*"));
        authorizations.forEach(authorizationService::saveAuthorization);
        List<String> both = List.of(granted.getId(), other.getId());
        try {
            identityService.setAuthentication("user-" + code, List.of("granted-" + code, "nothing-" + code));
            assertThat(taskService.createTaskQuery().taskIdIn(both.toArray(String[]::new)).list()).extracting(Task::getId)
                    .containsExactly(granted.getId());
            identityService.setAuthentication("user-" + code, List.of("nothing-" + code));
            assertThat(taskService.createTaskQuery().taskIdIn(both.toArray(String[]::new)).count()).isZero();
            identityService.setAuthentication("user-" + code, List.of("team-" + code, "nothing-" + code));
            assertThat(taskService.createTaskQuery().taskIdIn(both.toArray(String[]::new)).list()).extracting(Task::getId)
                    .containsExactlyInAnyOrderElementsOf(both);
        } finally {
            identityService.clearAuthentication();
            authorizations.forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
            both.forEach(id -> taskService.deleteTask(id, true));
        }
    }

    private Task newTask(String name) {
        Task task = taskService.newTask();
        task.setName(name);
        taskService.saveTask(task);
        return task;
    }

    private Authorization authorization(int type, String group, String taskId) {
        Authorization authorization = authorizationService.createNewAuthorization(type);
        authorization.setGroupId(group);
        authorization.setResource(Resources.TASK);
        authorization.setResourceId(taskId);
        authorization.addPermission(Permissions.READ);
        return authorization;
    }
}
