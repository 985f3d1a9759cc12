package org.carecommissioning.consultation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

/** U6 in the tests without a database: the report approvals table as a list behind a mocked repository. */
final class ReportApprovalsInMemory {

    private ReportApprovalsInMemory() {
    }

    /** A repository that saves into {@code table} and finds one version's approvals in it (one consultation). */
    static ConsultationReportApprovalRepository in(List<ConsultationReportApproval> table) {
        ConsultationReportApprovalRepository repository = mock(ConsultationReportApprovalRepository.class);
        when(repository.save(any())).thenAnswer(call -> {
            table.add(call.getArgument(0));
            return call.getArgument(0);
        });
        when(repository.findByConsultationIdAndReportVersion(any(), anyInt())).thenAnswer(call -> table.stream()
                .filter(approval -> approval.getReportVersion() == (int) call.getArgument(1)).toList());
        return repository;
    }
}
