package org.carecommissioning.quality;

/** The moderation process (processes/qaf-moderation.bpmn, Q6): its key. */
final class QafModerationProcess {

    static final String KEY = "qaf-moderation";

    private QafModerationProcess() {
    }
}
