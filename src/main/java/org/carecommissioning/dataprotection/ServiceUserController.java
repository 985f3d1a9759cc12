package org.carecommissioning.dataprotection;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.carecommissioning.dataprotection.DataProtectionService.Erasure;
import org.carecommissioning.referral.ServiceUserRecords.Record;
import org.carecommissioning.shared.AccessDenied;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service user's record over the authenticated API: read (logged) and erase (logged). */
@RestController
@RequestMapping("/api/service-users")
class ServiceUserController {

    private final DataProtectionService dataProtection;
    private final IdentityService identityService;

    ServiceUserController(DataProtectionService dataProtection, IdentityService identityService) {
        this.dataProtection = dataProtection;
        this.identityService = identityService;
    }

    @GetMapping("/{id}")
    Record read(@PathVariable Long id) {
        Authentication caller = caller();
        return dataProtection.read(id, caller.getUserId(), groups(caller));
    }

    @DeleteMapping("/{id}")
    Erasure erase(@PathVariable Long id) {
        Authentication caller = caller();
        return dataProtection.erase(id, caller.getUserId(), groups(caller));
    }

    private Authentication caller() {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null) {
            throw new AccessDenied("Log in to see service users' records.");
        }
        return caller;
    }

    private static List<String> groups(Authentication caller) {
        return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    }
}
