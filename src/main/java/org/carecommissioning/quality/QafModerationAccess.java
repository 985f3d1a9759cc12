package org.carecommissioning.quality;

import java.util.List;

import org.carecommissioning.security.CapabilityAccess;
import org.carecommissioning.security.Grant;
import org.carecommissioning.security.Grants;
import org.carecommissioning.security.Roles;
import org.springframework.stereotype.Component;

/** Q6: the contracts manager starts the year's moderation (it also starts itself on 1 March). */
@Component
class QafModerationAccess implements CapabilityAccess {

    @Override
    public List<Grant> grants() {
        return new Grants()
                .startable(Roles.CONTRACTS_MANAGER, QafModerationProcess.KEY)
                .list();
    }
}
