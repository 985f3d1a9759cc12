package org.carecommissioning.quality;

/** The QAF process (processes/qaf.bpmn): its key and the elements code refers to. */
final class QafReturnProcess {

    static final String KEY = "qaf-return";

    private QafReturnProcess() {
    }
}
