package org.carecommissioning.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Q6: draws 2 QAFs per purchasing officer at random from those they reviewed in the year, and records the draw. */
@Component
class QafModerationDrawDelegate implements JavaDelegate {

    private final QafModeration moderation;
    private final QafDeadlines deadlines;
    private final Clock clock;

    QafModerationDrawDelegate(QafModeration moderation, QafDeadlines deadlines, Clock clock) {
        this.moderation = moderation;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        QafModerationVariables variables = QafModerationVariables.of(execution);
        LocalDate today = LocalDate.now(clock);
        QafYear year = variables.year(today);
        List<QafModerationRecord> drawn = moderation.draw(year);
        variables.drawn(year, drawn, deadlines, deadlines.moderateBy(today));
    }
}
