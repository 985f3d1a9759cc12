package org.carecommissioning.organisation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.NotFound;
import org.carecommissioning.shared.SystemAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations and the Camunda group that scopes each commissioning organisation's work. */
@Service
public class OrganisationService {

    private static final Pattern CODE = Pattern.compile("^[A-Z0-9]{2,10}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final OrganisationRepository organisations;
    private final IdentityService identityService;
    private final SystemAuthority system;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, IdentityService identityService,
            SystemAuthority system, Clock clock) {
        this.organisations = organisations;
        this.identityService = identityService;
        this.system = system;
        this.clock = clock;
    }

    /**
     * Returns the commissioning organisation with this code, registering it (and its Camunda group) if new.
     */
    @Transactional
    public Organisation registerCommissioningOrganisation(String code, String name, String email) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new BusinessRuleViolation("R1", "The organisation code must be 2 to 10 capital letters or digits.");
        }
        if (name == null || name.isBlank()) {
            throw new BusinessRuleViolation("R1", "The organisation name is required.");
        }
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw new BusinessRuleViolation("R1", "A valid e-mail address is required: invoices and letters go there.");
        }
        Optional<Organisation> existing = organisations.findByCode(code);
        if (existing.isPresent()) {
            if (existing.get().getType() != OrganisationType.COMMISSIONING) {
                throw new BusinessRuleViolation("R1", "Organisation " + code + " is not a commissioning organisation.");
            }
            return existing.get();
        }
        Organisation organisation = organisations.save(
                new Organisation(code, name.trim(), OrganisationType.COMMISSIONING, email.trim(), LocalDateTime.now(clock)));
        ensureGroup(organisation);
        return organisation;
    }

    /** Returns the provider with this code, registering it (and its Camunda group, for its own staff) if new. */
    @Transactional
    public Organisation registerProvider(String code, String name, String email) {
        Optional<Organisation> existing = organisations.findByCode(code);
        if (existing.isPresent()) {
            return existing.get();
        }
        Organisation provider = organisations.save(
                new Organisation(code, name, OrganisationType.PROVIDER, email, LocalDateTime.now(clock)));
        ensureGroup(provider);
        return provider;
    }

    @Transactional(readOnly = true)
    public Organisation get(Long id) {
        return organisations.findById(id).orElseThrow(() -> new NotFound("No organisation with id " + id + "."));
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> findByCode(String code) {
        return organisations.findByCode(code);
    }

    /** The commissioning organisations a Camunda user belongs to, through their organisation groups. */
    @Transactional(readOnly = true)
    public List<Organisation> commissioningOrganisationsOf(String userId) {
        List<String> groupIds = system.call(() -> identityService.createGroupQuery().groupMember(userId).list()).stream()
                .map(Group::getId)
                .filter(id -> id.startsWith(Organisation.GROUP_PREFIX))
                .toList();
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return organisations.findByGroupIdIn(groupIds).stream()
                .filter(o -> o.getType() == OrganisationType.COMMISSIONING)
                .toList();
    }

    private void ensureGroup(Organisation organisation) {
        system.run(() -> {
            if (identityService.createGroupQuery().groupId(organisation.getGroupId()).count() == 0) {
                Group group = identityService.newGroup(organisation.getGroupId());
                group.setName(organisation.getName());
                group.setType("ORGANISATION");
                identityService.saveGroup(group);
            }
        });
    }
}
