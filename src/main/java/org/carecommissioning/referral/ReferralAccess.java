package org.carecommissioning.referral;

import java.util.List;

import org.carecommissioning.security.CapabilityAccess;
import org.carecommissioning.security.Grant;
import org.carecommissioning.security.Grants;
import org.carecommissioning.security.Roles;
import org.springframework.stereotype.Component;

/** Commissioners refer; coordinators and therapists work on the referral's tasks. */
@Component
class ReferralAccess implements CapabilityAccess {

    @Override
    public List<Grant> grants() {
        return new Grants()
                .startable(Roles.COMMISSIONER, "referral")
                .readable(Roles.COORDINATOR, "referral")
                .readable(Roles.THERAPIST, "referral")
                .list();
    }
}
