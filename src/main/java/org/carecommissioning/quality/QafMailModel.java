package org.carecommissioning.quality;

import java.util.HashMap;
import java.util.Map;

import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.DisplayDates;

/** What every letter about a QAF names (Q2-Q8): one place, so the letters agree. */
final class QafMailModel {

    private QafMailModel() {
    }

    static Map<String, Object> of(QafReturn qaf, ContractedService service, String providerName) {
        Map<String, Object> model = new HashMap<>();
        model.put("qafReference", qaf.getReference());
        model.put("serviceName", service.getName());
        model.put("serviceCode", service.getServiceCode());
        model.put("providerName", providerName);
        model.put("financialYear", qaf.getFinancialYear());
        model.put("qafVariant", qaf.getVariant() == QafVariant.LITE ? "QAF Lite" : "full QAF");
        model.put("dueDate", DisplayDates.date(qaf.getDueOn()));
        model.put("meetingDate", DisplayDates.date(qaf.getMeetingDate()));
        return model;
    }

    /** Q7: one line per objective: the agreed grade, the claim, and the reason where they differ. */
    static String agreedGrades(QafReturn qaf) {
        StringBuilder lines = new StringBuilder();
        for (ObjectiveAssessment row : qaf.getObjectives()) {
            lines.append("- ").append(row.getObjective().label()).append(": ").append(row.getAgreedGrade())
                    .append(" (you claimed ").append(row.getClaimedGrade()).append(')');
            if (row.getAgreedReason() != null) {
                lines.append("\n  Reason: ").append(row.getAgreedReason());
            }
            lines.append('\n');
        }
        return lines.toString().stripTrailing();
    }

    /** Q7: the provider's further evidence, overall and per objective disputed, for the CSG. */
    static String concerns(QafReturn qaf) {
        StringBuilder lines = new StringBuilder();
        if (qaf.getAppealEvidence() != null) {
            lines.append(qaf.getAppealEvidence()).append('\n');
        }
        for (ObjectiveAssessment row : qaf.getObjectives()) {
            if (row.getAppealEvidence() != null) {
                lines.append("- ").append(row.getObjective().label()).append(": ").append(row.getAppealEvidence())
                        .append('\n');
            }
        }
        return lines.length() == 0 ? "(none written)" : lines.toString().stripTrailing();
    }
}
