package org.carecommissioning.shared;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Whether a user belongs to a group, asked on the system's behalf: rules such as "only the service's purchasing
 * officer or a contracts manager" check the named user, whatever the caller may read of the identity service.
 */
@Component
public class GroupMembership {

    private final IdentityService identityService;
    private final SystemAuthority system;

    GroupMembership(IdentityService identityService, SystemAuthority system) {
        this.identityService = identityService;
        this.system = system;
    }

    public boolean isMember(String userId, String groupId) {
        return userId != null && system.call(() -> identityService.createUserQuery().userId(userId)
                .memberOfGroup(groupId).count()) > 0;
    }
}
