package org.carecommissioning.performance;

import java.util.List;

import org.carecommissioning.security.CapabilityAccess;
import org.carecommissioning.security.Grant;
import org.carecommissioning.security.Grants;
import org.carecommissioning.security.Roles;
import org.springframework.stereotype.Component;

/** Purchasing officers request PI returns; providers and data input clerks work on them. */
@Component
class PerformanceAccess implements CapabilityAccess {

    @Override
    public List<Grant> grants() {
        return new Grants()
                .startable(Roles.PURCHASING_OFFICER, "pi-return")
                .readable(Roles.PROVIDER, "pi-return")
                .readable(Roles.DATA_INPUT_CLERK, "pi-return")
                .list();
    }
}
