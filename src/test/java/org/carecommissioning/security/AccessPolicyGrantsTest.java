package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The grants the capabilities declare ({@link CapabilityAccess}) add up to exactly the authorizations written out
 * here, group by group: the central list AccessPolicy held before the capabilities declared their own, plus what each
 * new lifecycle adds. A grant a capability adds or drops shows here as a change a reviewer must agree to.
 */
class AccessPolicyGrantsTest {

    @Test
    @DisplayName("the capabilities' own grants make exactly the authorizations listed here, and no more")
    void exactlyTheListedAuthorizations() throws Exception {
        List<CapabilityAccess> capabilities = capabilities();
        assertThat(capabilities).hasSizeGreaterThanOrEqualTo(5);
        AccessPolicy policy = new AccessPolicy(null, null, capabilities);

        assertThat(merged(policy.grants())).isEqualTo(merged(expectedAuthorizations()));
    }

    /** Every {@code @Component} implementing CapabilityAccess, as Spring finds them. */
    private static List<CapabilityAccess> capabilities() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(CapabilityAccess.class));
        List<CapabilityAccess> found = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.carecommissioning")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (!type.isAnnotationPresent(Component.class)) {
                continue;
            }
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            found.add((CapabilityAccess) constructor.newInstance());
        }
        return found;
    }

    /** As the engine stores them: one authorization per group, resource and id, its permissions OR-ed together. */
    private static Map<String, Integer> merged(List<Grant> grants) {
        Map<String, Integer> authorizations = new TreeMap<>();
        for (Grant grant : grants) {
            authorizations.merge(grant.group() + " " + grant.resource().resourceName() + " " + grant.resourceId(),
                    grant.mask(), (a, b) -> a | b);
        }
        return authorizations;
    }

    /** Least privilege per group: the former central list, call for call, and the QAF (Q2) grants. */
    private static List<Grant> expectedAuthorizations() {
        Grants grants = new Grants();
        for (String group : Roles.ALL) {
            grants.grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        grants.startable(Roles.COMMISSIONER, "referral");
        grants.startable(Roles.PARTNERSHIP_ADMIN, "partnership-term");
        grants.startable(Roles.FINANCE, "quarterly-invoicing");
        grants.startable(Roles.PURCHASING_OFFICER, "contract-management-meeting");
        grants.grant(Roles.PROVIDER, Resources.PROCESS_DEFINITION, "contract-management-meeting", Permissions.READ);
        grants.grant(Roles.PURCHASING_OFFICER, Resources.PROCESS_DEFINITION, "cmm-next-meeting", Permissions.READ);
        grants.startable(Roles.PURCHASING_OFFICER, "pi-return");
        grants.grant(Roles.PROVIDER, Resources.PROCESS_DEFINITION, "pi-return", Permissions.READ);
        grants.grant(Roles.DATA_INPUT_CLERK, Resources.PROCESS_DEFINITION, "pi-return", Permissions.READ);
        grants.startable(Roles.PURCHASING_OFFICER, "qaf-return");
        grants.grant(Roles.PROVIDER, Resources.PROCESS_DEFINITION, "qaf-return", Permissions.READ);
        grants.startable(Roles.CONTRACTS_MANAGER, "qaf-moderation");
        grants.startable(Roles.PURCHASING_OFFICER, "service-user-consultation");
        grants.grant(Roles.PURCHASING_OFFICER, Resources.PROCESS_DEFINITION, "consultation-due", Permissions.READ);
        grants.grant(Roles.DATA_INPUT_CLERK, Resources.PROCESS_DEFINITION, "qaf-return", Permissions.READ);
        for (String key : List.of("referral", "partnership-term")) {
            grants.grant(Roles.COORDINATOR, Resources.PROCESS_DEFINITION, key, Permissions.READ);
        }
        grants.grant(Roles.THERAPIST, Resources.PROCESS_DEFINITION, "referral", Permissions.READ);
        grants.grant(Roles.COMMISSIONER, Resources.PROCESS_DEFINITION, "partnership-term", Permissions.READ);
        grants.grant(Roles.FINANCE, Resources.PROCESS_DEFINITION, "invoice", Permissions.READ);
        for (String manager : Roles.MANAGERS) {
            grants.grant(manager, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grants.grant(manager, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.RETRY_JOB);
            grants.grant(manager, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ,
                    ProcessInstancePermissions.RETRY_JOB);
            grants.grant(manager, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
            grants.grant(manager, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
            grants.grant(manager, Resources.DEPLOYMENT, "*", Permissions.READ);
            grants.grant(manager, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
            grants.grant(manager, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
        }
        return grants.list();
    }
}
