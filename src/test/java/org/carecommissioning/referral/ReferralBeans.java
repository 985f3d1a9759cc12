package org.carecommissioning.referral;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carecommissioning.partnership.PartnershipService;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.SystemAuthority;

/**
 * The referral package's delegates and listeners that other capabilities' process tests run (the partnership-term
 * process calls lapseUnbookedAuthorisationsDelegate and ends referrals waiting to book). The beans stay
 * package-private in production; this test-side factory lets those tests build the real ones on their mocks.
 */
public final class ReferralBeans {

    private ReferralBeans() {
    }

    public static JavaDelegate lapseUnbookedAuthorisations(RuntimeService runtimeService, SystemAuthority system) {
        return new LapseUnbookedAuthorisationsDelegate(runtimeService, system);
    }

    public static JavaDelegate lapseReferral(ReferralService referrals) {
        return new LapseReferralDelegate(referrals);
    }

    public static TaskListener bookingOptions(TreatmentSessionService sessions, PartnershipService partnerships,
            CareProperties properties) {
        return new BookingOptionsListener(sessions, partnerships, properties);
    }
}
