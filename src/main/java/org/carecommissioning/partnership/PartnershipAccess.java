package org.carecommissioning.partnership;

import java.util.List;

import org.carecommissioning.security.CapabilityAccess;
import org.carecommissioning.security.Grant;
import org.carecommissioning.security.Grants;
import org.carecommissioning.security.Roles;
import org.springframework.stereotype.Component;

/** The partnership administrator enters into partnerships; coordinators and commissioners work on their tasks. */
@Component
class PartnershipAccess implements CapabilityAccess {

    @Override
    public List<Grant> grants() {
        return new Grants()
                .startable(Roles.PARTNERSHIP_ADMIN, "partnership-term")
                .readable(Roles.COORDINATOR, "partnership-term")
                .readable(Roles.COMMISSIONER, "partnership-term")
                .list();
    }
}
