package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.quality.QafModeration.Change;
import org.carecommissioning.quality.QafModeration.Decision;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Q6: the random draw (deterministic with a seeded generator) and the moderation's rules, on mocked repositories. */
@DisplayName("QAF moderation (Q6)")
class QafModerationTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final QafYear YEAR = new QafYear(2026);

    private QafReturnRepository records;
    private QafModerationRepository moderations;
    private final List<QafModerationRecord> saved = new ArrayList<>();
    private long nextId = 1;

    @BeforeEach
    void repositories() {
        records = mock(QafReturnRepository.class);
        moderations = mock(QafModerationRepository.class);
        when(moderations.save(any())).thenAnswer(call -> {
            saved.add(call.getArgument(0));
            return call.getArgument(0);
        });
    }

    private QafModeration moderation(long seed) {
        Clock clock = Clock.fixed(LocalDateTime.of(2027, 3, 1, 7, 0).atZone(LONDON).toInstant(), LONDON);
        return new QafModeration(records, moderations, mock(ContractServices.class), new QafDeadlines(LONDON),
                new Random(seed), clock);
    }

    private QafReturn reviewed(String reference, String officer, LocalDateTime at) {
        QafReturn qaf = new QafReturn(reference, 11L, "2026/27", QafVariant.FULL, LocalDate.of(2027, 2, 1),
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 21), officer, at.minusDays(30));
        org.springframework.test.util.ReflectionTestUtils.setField(qaf, "id", nextId++);
        for (CoreObjective objective : CoreObjective.values()) {
            qaf.objective(objective).claim(QafGrade.B, "Policy.", "Audit.", null);
            qaf.objective(objective).assessByOfficer(QafGrade.C, "Not enough audit evidence.");
        }
        qaf.reviewed(false, false, officer, at);
        return qaf;
    }

    private List<QafReturn> reviewedBy(String officer, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> reviewed("QAF-" + officer + "-" + i, officer,
                LocalDateTime.of(2026, 6, i, 10, 0))).toList();
    }

    private void held(List<QafReturn> returns) {
        when(records.findByReviewedAtGreaterThanEqualAndReviewedAtLessThan(LocalDateTime.of(2026, 4, 1, 0, 0),
                LocalDateTime.of(2027, 4, 1, 0, 0))).thenReturn(returns);
    }

    private static List<String> references(List<QafModerationRecord> drawn) {
        return drawn.stream().map(r -> r.getQafReturn().getReference()).toList();
    }

    @Test
    @DisplayName("Q6 the choice is uniform and repeatable: the same seed chooses the same, never more than asked, "
            + "never one twice, all when there are fewer")
    void chooseIsDeterministicWithASeed() {
        List<Integer> ten = IntStream.range(0, 10).boxed().toList();
        assertThat(QafModeration.choose(ten, 2, new Random(42))).isEqualTo(QafModeration.choose(ten, 2, new Random(42)))
                .hasSize(2).doesNotHaveDuplicates().isSubsetOf(ten);
        assertThat(QafModeration.choose(List.of(7), 2, new Random(1))).containsExactly(7);
        assertThat(QafModeration.choose(List.of(), 2, new Random(1))).isEmpty();
        assertThat(QafModeration.choose(ten, 0, new Random(1))).isEmpty();
        int[] chosen = new int[10];
        Random random = new Random(7);
        for (int run = 0; run < 10_000; run++) {
            QafModeration.choose(ten, 2, random).forEach(i -> chosen[i]++);
        }
        for (int count : chosen) {
            assertThat(count).as("each about 2000 of 20000").isBetween(1800, 2200);
        }
    }

    @Test
    @DisplayName("Q6 2 QAFs per purchasing officer, at random from those they reviewed; fewer when they reviewed fewer; "
            + "the same seed draws the same; due 4 weeks after the draw")
    void drawsTwoPerOfficer() {
        List<QafReturn> all = new ArrayList<>(reviewedBy("olivia", 5));
        all.addAll(reviewedBy("peter", 3));
        all.addAll(reviewedBy("quinn", 1));
        held(all);
        when(moderations.findByFinancialYear("2026/27")).thenReturn(List.of());

        List<QafModerationRecord> drawn = moderation(99).draw(YEAR);

        assertThat(drawn).hasSize(5).allSatisfy(record -> {
            assertThat(record.getFinancialYear()).isEqualTo("2026/27");
            assertThat(record.getOutcome()).isEqualTo(QafModerationOutcome.PENDING);
            assertThat(record.getDueOn()).isEqualTo(LocalDate.of(2027, 3, 29));
        });
        assertThat(drawn).filteredOn(r -> r.getOfficer().equals("olivia")).hasSize(2);
        assertThat(drawn).filteredOn(r -> r.getOfficer().equals("peter")).hasSize(2);
        assertThat(references(drawn)).contains("QAF-quinn-1").doesNotHaveDuplicates();
        assertThat(drawn).allSatisfy(r -> assertThat(r.getQafReturn().getReviewedBy()).isEqualTo(r.getOfficer()));
        saved.clear();
        assertThat(references(moderation(99).draw(YEAR))).as("same seed, same draw").isEqualTo(references(drawn));
    }

    @Test
    @DisplayName("Q6 only the year's reviewed QAFs: the draw reads the returns reviewed from 1 April to 31 March; none "
            + "reviewed, none drawn")
    void onlyThatYearsReviewedQafs() {
        held(List.of());
        when(moderations.findByFinancialYear("2026/27")).thenReturn(List.of());

        assertThat(moderation(1).draw(YEAR)).isEmpty();

        verify(records).findByReviewedAtGreaterThanEqualAndReviewedAtLessThan(LocalDateTime.of(2026, 4, 1, 0, 0),
                LocalDateTime.of(2027, 4, 1, 0, 0));
        verify(moderations, never()).save(any());
    }

    @Test
    @DisplayName("Q6 a second draw in the year never draws a QAF twice nor more than 2 per officer")
    void secondDrawTopsUpOnly() {
        List<QafReturn> olivia = reviewedBy("olivia", 4);
        List<QafReturn> peter = reviewedBy("peter", 3);
        List<QafReturn> all = new ArrayList<>(olivia);
        all.addAll(peter);
        held(all);
        QafModerationRecord earlier = new QafModerationRecord(olivia.get(0), "2026/27", "olivia",
                LocalDateTime.of(2027, 2, 1, 9, 0), LocalDate.of(2027, 3, 1));
        QafModerationRecord earlierPeter1 = new QafModerationRecord(peter.get(0), "2026/27", "peter",
                LocalDateTime.of(2027, 2, 1, 9, 0), LocalDate.of(2027, 3, 1));
        QafModerationRecord earlierPeter2 = new QafModerationRecord(peter.get(1), "2026/27", "peter",
                LocalDateTime.of(2027, 2, 1, 9, 0), LocalDate.of(2027, 3, 1));
        when(moderations.findByFinancialYear("2026/27")).thenReturn(List.of(earlier, earlierPeter1, earlierPeter2));

        List<QafModerationRecord> drawn = moderation(5).draw(YEAR);

        assertThat(drawn).singleElement().satisfies(record -> {
            assertThat(record.getOfficer()).isEqualTo("olivia");
            assertThat(record.getQafReturn().getReference()).isNotEqualTo("QAF-olivia-1");
        });
    }

    private QafModerationRecord pending(QafReturn qaf) {
        QafModerationRecord record = new QafModerationRecord(qaf, "2026/27", "olivia", LocalDateTime.of(2027, 3, 1, 7, 0),
                LocalDate.of(2027, 3, 29));
        when(moderations.findByFinancialYearAndQafReturnReference("2026/27", qaf.getReference()))
                .thenReturn(Optional.of(record));
        return record;
    }

    private static Decision change(CoreObjective objective, QafGrade grade, String reason) {
        Map<CoreObjective, Change> grades = new EnumMap<>(CoreObjective.class);
        grades.put(objective, new Change(grade, reason));
        return new Decision(false, grades);
    }

    @Test
    @DisplayName("Q6 agreement is recorded with who and when; the grades stay")
    void agreement() {
        QafReturn qaf = reviewed("QAF-1", "olivia", LocalDateTime.of(2026, 6, 1, 10, 0));
        QafModerationRecord record = pending(qaf);

        moderation(1).record(YEAR, "QAF-1", new Decision(true, Map.of()), "carol.manager");

        assertThat(record.getOutcome()).isEqualTo(QafModerationOutcome.AGREED);
        assertThat(record.getModeratedBy()).isEqualTo("carol.manager");
        assertThat(record.getModeratedAt()).isEqualTo(LocalDateTime.of(2027, 3, 1, 7, 0));
        assertThat(qaf.objective(CoreObjective.C1_1).getOfficerGrade()).isEqualTo(QafGrade.C);
    }

    @Test
    @DisplayName("Q6 a changed grade with its reason replaces the agreed grade, and the change is kept with the grade "
            + "it replaced")
    void changedGradeReplacesAgreedGrade() {
        QafReturn qaf = reviewed("QAF-1", "olivia", LocalDateTime.of(2026, 6, 1, 10, 0));
        for (CoreObjective objective : CoreObjective.values()) {
            qaf.objective(objective).agree(QafGrade.C, "As reviewed.");
        }
        QafModerationRecord record = pending(qaf);

        moderation(1).record(YEAR, "QAF-1", change(CoreObjective.C1_3, QafGrade.D, "  No fire risk assessment. "),
                "carol.manager");

        assertThat(qaf.objective(CoreObjective.C1_3).getAgreedGrade()).isEqualTo(QafGrade.D);
        assertThat(qaf.objective(CoreObjective.C1_3).getAgreedReason()).isEqualTo("No fire risk assessment.");
        assertThat(qaf.objective(CoreObjective.C1_2).getAgreedGrade()).isEqualTo(QafGrade.C);
        assertThat(record.getOutcome()).isEqualTo(QafModerationOutcome.CHANGED);
        assertThat(record.getChanges()).singleElement().satisfies(changed -> {
            assertThat(changed.getObjective()).isEqualTo(CoreObjective.C1_3);
            assertThat(changed.getPreviousGrade()).isEqualTo(QafGrade.C);
            assertThat(changed.getModeratedGrade()).isEqualTo(QafGrade.D);
        });
    }

    @Test
    @DisplayName("Q6 for a QAF not yet agreed, a changed grade replaces the grade the officer proposes")
    void changedGradeBeforeAgreement() {
        QafReturn qaf = reviewed("QAF-1", "olivia", LocalDateTime.of(2026, 6, 1, 10, 0));
        pending(qaf);

        moderation(1).record(YEAR, "QAF-1", change(CoreObjective.C1_1, QafGrade.B, "Audit evidence is sound."),
                "carol.manager");

        assertThat(qaf.objective(CoreObjective.C1_1).proposedGrade()).isEqualTo(QafGrade.B);
        assertThat(qaf.objective(CoreObjective.C1_1).getAgreedGrade()).isNull();
    }

    @Test
    @DisplayName("Q6 a change without a reason, a change that changes nothing and a second moderation are refused, "
            + "and nothing is written")
    void refusals() {
        QafReturn qaf = reviewed("QAF-1", "olivia", LocalDateTime.of(2026, 6, 1, 10, 0));
        QafModerationRecord record = pending(qaf);
        QafModeration moderation = moderation(1);

        assertThatThrownBy(() -> moderation.record(YEAR, "QAF-1", change(CoreObjective.C1_2, QafGrade.D, "   "), "carol"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("Q6: C1.2 Support planning: you changed the grade from C to D; give the reason.");
        assertThatThrownBy(() -> moderation.record(YEAR, "QAF-1", change(CoreObjective.C1_2, QafGrade.C, null), "carol"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("No grade of QAF QAF-1 was changed");
        assertThat(qaf.objective(CoreObjective.C1_2).getOfficerGrade()).isEqualTo(QafGrade.C);
        assertThat(record.getOutcome()).isEqualTo(QafModerationOutcome.PENDING);
        assertThat(record.getChanges()).isEmpty();

        moderation.record(YEAR, "QAF-1", new Decision(true, Map.of()), "carol");
        assertThatThrownBy(() -> moderation.record(YEAR, "QAF-1", new Decision(true, Map.of()), "carol"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("it is moderated once");
    }

    @Test
    @DisplayName("Q6 a financial year is read as 2026/27 or 2026-27; anything else is refused with a sentence")
    void years() {
        assertThat(QafYear.parse("2026/27", "Q6")).isEqualTo(YEAR);
        assertThat(QafYear.parse(" 2026-27 ", "Q6").toString()).isEqualTo("2026/27");
        assertThat(QafYear.parse("2099/00", "Q6").fileName()).isEqualTo("2099-00");
        assertThat(QafYear.of(LocalDate.of(2027, 3, 31))).isEqualTo(YEAR);
        assertThat(QafYear.of(LocalDate.of(2027, 4, 1))).isEqualTo(new QafYear(2027));
        for (String bad : List.of("2026/28", "2026", "26/27", "", "2026/27; drop table")) {
            assertThatThrownBy(() -> QafYear.parse(bad, "Q6")).isInstanceOf(BusinessRuleViolation.class)
                    .hasMessageContaining("financial year");
        }
    }
}
