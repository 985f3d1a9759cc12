package org.carecommissioning.dataprotection;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.carecommissioning.referral.ServiceUserRecords;
import org.carecommissioning.referral.ServiceUserRecords.Record;
import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.AccessDenied;
import org.carecommissioning.shared.Conflict;
import org.carecommissioning.shared.SystemAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * UK GDPR for service users: a read of the whole record by someone with a need to know, logged; and erasure by an
 * administrator or the data protection officer, which anonymises the record in the application's tables, removes
 * every engine history entry of the person's referrals, and is logged. Invoices keep the referral numbers.
 */
@Service
public class DataProtectionService {

    /** Groups who may read any service user's record (besides the referring organisation's own staff). */
    static final List<String> READERS = List.of(Roles.COORDINATOR, Roles.DATA_PROTECTION_OFFICER, Roles.ADMIN);
    static final List<String> ERASERS = List.of(Roles.DATA_PROTECTION_OFFICER, Roles.ADMIN);

    private final ServiceUserRecords records;
    private final AuditLogRepository auditLog;
    private final HistoryService historyService;
    private final SystemAuthority system;
    private final Clock clock;

    DataProtectionService(ServiceUserRecords records, AuditLogRepository auditLog, HistoryService historyService,
            SystemAuthority system, Clock clock) {
        this.records = records;
        this.auditLog = auditLog;
        this.historyService = historyService;
        this.system = system;
        this.clock = clock;
    }

    /**
     * Need to know: the referring organisation's staff (its group), the provider's coordinator, the data protection
     * officer and administrators. Every read that returns the record is logged.
     */
    @Transactional
    public Record read(Long serviceUserId, String userId, List<String> groups) {
        Record record = records.get(serviceUserId);
        if (groups.stream().noneMatch(READERS::contains) && !groups.contains(record.organisationGroupId())) {
            throw new AccessDenied("Only the referring organisation, the coordinator and the data protection officer"
                    + " can see a service user's record.");
        }
        auditLog.recordRead(userId, serviceUserId, LocalDateTime.now(clock));
        return record;
    }

    /**
     * Right to erasure. Refused (409) while a referral of the person is open. Removes the history of each of their
     * referral instances whole (variables, form submissions, task comments, decisions), since any of it may name
     * them; the application keeps the referral's facts, anonymised, and invoice lines keep the referral number.
     */
    @Transactional
    public Erasure erase(Long serviceUserId, String userId, List<String> groups) {
        if (groups.stream().noneMatch(ERASERS::contains)) {
            throw new AccessDenied("Only the data protection officer or an administrator can erase a service user.");
        }
        List<String> numbers = records.referralNumbersOf(serviceUserId);
        List<HistoricProcessInstance> history = system.call(() -> numbers.stream()
                .flatMap(number -> historyService.createHistoricProcessInstanceQuery()
                        .processDefinitionKey("referral").processInstanceBusinessKey(number).list().stream())
                .toList());
        List<String> erased = records.erase(serviceUserId);
        List<String> running = history.stream().filter(instance -> instance.getEndTime() == null)
                .map(HistoricProcessInstance::getBusinessKey).toList();
        if (!running.isEmpty()) {
            // the transaction rolls back the erasure above
            throw new Conflict("Service user " + serviceUserId + " has an open referral (" + String.join(", ", running)
                    + ") still in progress; their record can be erased once it has ended.");
        }
        List<String> ids = history.stream().map(HistoricProcessInstance::getId).toList();
        if (!ids.isEmpty()) {
            system.run(() -> historyService.deleteHistoricProcessInstancesIfExists(ids));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        auditLog.recordErasure(userId, serviceUserId, erased.size(), ids.size(), now);
        return new Erasure(serviceUserId, erased, ids.size(), now);
    }

    /** What an erasure did: the referral numbers kept (anonymised) and how many history instances were removed. */
    public record Erasure(Long serviceUserId, List<String> referralNumbers, int historyInstancesRemoved,
            LocalDateTime erasedAt) {
    }
}
