package org.carecommissioning.contractmanagement;

/** C7: the body of {@code POST /api/improvement-actions/{id}/close}: the evidence that the action is complete. */
record ActionEvidence(String evidence) {
}
