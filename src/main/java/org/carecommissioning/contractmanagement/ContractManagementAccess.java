package org.carecommissioning.contractmanagement;

import java.util.List;

import org.carecommissioning.security.CapabilityAccess;
import org.carecommissioning.security.Grant;
import org.carecommissioning.security.Grants;
import org.carecommissioning.security.Roles;
import org.springframework.stereotype.Component;

/** Purchasing officers hold contract management meetings and plan the next; providers take part. */
@Component
class ContractManagementAccess implements CapabilityAccess {

    @Override
    public List<Grant> grants() {
        return new Grants()
                .startable(Roles.PURCHASING_OFFICER, "contract-management-meeting")
                .readable(Roles.PROVIDER, "contract-management-meeting")
                .readable(Roles.PURCHASING_OFFICER, "cmm-next-meeting")
                .list();
    }
}
