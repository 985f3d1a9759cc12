package org.carecommissioning.quality;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.NotFound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Q6 moderation (seed 004 part 3.3, 3.2): each year the contracts manager reviews 2 QAFs per purchasing officer,
 * chosen at random from the QAFs that officer reviewed (desk-top review completed) in the financial year, and records
 * agreement or a changed grade with a reason. A changed grade replaces the agreed grade (or, for a QAF not yet agreed,
 * the grade the officer proposes); the change, the grade it replaced, the reason, who and when are kept.
 */
@Service
public class QafModeration {

    /** Q6: QAFs drawn per purchasing officer per year. */
    static final int PER_OFFICER = 2;
    /** Q6: the reason for a changed grade. */
    static final int REASON_LIMIT = 2000;

    private final QafReturnRepository records;
    private final QafModerationRepository moderations;
    private final ContractServices services;
    private final QafDeadlines deadlines;
    private final RandomGenerator random;
    private final Clock clock;

    @Autowired
    QafModeration(QafReturnRepository records, QafModerationRepository moderations, ContractServices services,
            QafDeadlines deadlines, Clock clock) {
        this(records, moderations, services, deadlines, new SecureRandom(), clock);
    }

    QafModeration(QafReturnRepository records, QafModerationRepository moderations, ContractServices services,
            QafDeadlines deadlines, RandomGenerator random, Clock clock) {
        this.records = records;
        this.moderations = moderations;
        this.services = services;
        this.deadlines = deadlines;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Q6: draws, for each purchasing officer, up to 2 of the QAFs they reviewed in the year, at random, and records
     * the draw. An officer with fewer has all theirs drawn, one with none gets none. A QAF is drawn at most once a year
     * and an officer never has more than 2 drawn a year: a second run in the same year (the contracts manager's start
     * and the 1 March timer) draws only what the first left short. Returns the QAFs drawn by this run.
     */
    @Transactional
    public List<QafModerationRecord> draw(QafYear year) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<QafReturn> reviewed = records.findByReviewedAtGreaterThanEqualAndReviewedAtLessThan(
                year.firstDay().atStartOfDay(), year.dayAfter().atStartOfDay());
        Map<String, List<QafReturn>> byOfficer = new TreeMap<>();
        for (QafReturn qaf : reviewed) {
            if (qaf.getReviewedBy() != null) {
                byOfficer.computeIfAbsent(qaf.getReviewedBy(), officer -> new ArrayList<>()).add(qaf);
            }
        }
        List<QafModerationRecord> earlier = moderations.findByFinancialYear(year.toString());
        Set<Long> drawnBefore = new HashSet<>();
        Map<String, Integer> drawnPerOfficer = new TreeMap<>();
        for (QafModerationRecord record : earlier) {
            drawnBefore.add(record.getQafReturn().getId());
            drawnPerOfficer.merge(record.getOfficer(), 1, Integer::sum);
        }
        LocalDate dueOn = deadlines.moderateBy(now.toLocalDate());
        List<QafModerationRecord> drawn = new ArrayList<>();
        byOfficer.forEach((officer, theirs) -> {
            List<QafReturn> candidates = theirs.stream().filter(q -> !drawnBefore.contains(q.getId()))
                    .sorted(Comparator.comparing(QafReturn::getReference)).toList();
            int wanted = PER_OFFICER - drawnPerOfficer.getOrDefault(officer, 0);
            for (QafReturn qaf : choose(candidates, wanted, random)) {
                drawn.add(moderations.save(new QafModerationRecord(qaf, year.toString(), officer, now, dueOn)));
            }
        });
        return drawn;
    }

    /**
     * Q6: up to {@code count} of the candidates, each equally likely (a partial Fisher-Yates shuffle); all of them
     * when there are no more than {@code count}, in a random order.
     */
    static <T> List<T> choose(List<T> candidates, int count, RandomGenerator random) {
        List<T> pool = new ArrayList<>(candidates);
        int n = Math.max(0, Math.min(count, pool.size()));
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(pool.size() - i);
            T chosen = pool.get(j);
            pool.set(j, pool.get(i));
            pool.set(i, chosen);
        }
        return List.copyOf(pool.subList(0, n));
    }

    /** Q6: the QAF drawn in the year, for the moderation task's form. */
    @Transactional(readOnly = true)
    public QafModerationRecord get(QafYear year, String reference) {
        return moderations.findByFinancialYearAndQafReturnReference(year.toString(), reference == null ? "" : reference)
                .orElseThrow(() -> new NotFound("QAF " + reference + " was not drawn for moderation in " + year + "."));
    }

    @Transactional(readOnly = true)
    public ContractedService serviceOf(QafModerationRecord record) {
        return services.get(record.getQafReturn().getServiceId());
    }

    /**
     * Q6: the grade moderation starts from for one objective: the agreed grade, or for a QAF not yet agreed the grade
     * the officer proposes (the visit's, else the desk-top grade).
     */
    static QafGrade currentGrade(ObjectiveAssessment row) {
        return row.getAgreedGrade() != null ? row.getAgreedGrade() : row.proposedGrade();
    }

    /**
     * Q6: the contracts manager's moderation of one QAF drawn: agreement, or one or more changed grades, each with a
     * reason. A change without a reason, a "changed" moderation that changes nothing, and a second moderation of the
     * same QAF are refused, and nothing is written. A changed grade replaces the agreed grade with the reason as the
     * reason given for it; for a QAF not yet agreed it replaces the grade the officer proposes.
     */
    @Transactional
    public QafModerationRecord record(QafYear year, String reference, Decision decision, String managerUserId) {
        QafModerationRecord record = get(year, reference);
        if (record.getOutcome() != QafModerationOutcome.PENDING) {
            throw new BusinessRuleViolation("Q6", "QAF " + reference + " was moderated on "
                    + record.getModeratedAt().toLocalDate() + " by " + record.getModeratedBy() + "; it is moderated once.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (decision.agree()) {
            record.agreed(managerUserId, now);
            return record;
        }
        QafReturn qaf = record.getQafReturn();
        Map<CoreObjective, Change> changes = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            Change change = decision.grades().get(objective);
            QafGrade current = currentGrade(qaf.objective(objective));
            if (change == null || change.grade() == null || change.grade() == current) {
                continue;
            }
            String reason = FormValues.text(change.reason());
            if (reason == null) {
                throw new BusinessRuleViolation("Q6", objective.label() + ": you changed the grade from "
                        + (current == null ? "none" : current) + " to " + change.grade() + "; give the reason.");
            }
            FormValues.limited(reason, REASON_LIMIT, "Q6", objective.label() + ": the reason");
            changes.put(objective, new Change(change.grade(), reason));
        }
        if (changes.isEmpty()) {
            throw new BusinessRuleViolation("Q6", "No grade of QAF " + reference + " was changed; choose \"I agree with"
                    + " the grades\", or change a grade and give the reason.");
        }
        changes.forEach((objective, change) -> {
            ObjectiveAssessment row = qaf.objective(objective);
            record.changed(objective, currentGrade(row), change.grade(), change.reason());
            if (row.getAgreedGrade() != null) {
                row.agree(change.grade(), change.reason());
            } else if (row.getVisitGrade() != null) {
                row.gradeAtVisit(change.grade());
            } else {
                row.assessByOfficer(change.grade(), change.reason());
            }
        });
        record.changesRecorded(managerUserId, now);
        return record;
    }

    /** Q6: a changed grade and its reason (grade null or unchanged: the objective is left as it is). */
    public record Change(QafGrade grade, String reason) {
    }

    /** Q6: the moderation form: agreement, or the changed grades. */
    public record Decision(boolean agree, Map<CoreObjective, Change> grades) {
    }
}
