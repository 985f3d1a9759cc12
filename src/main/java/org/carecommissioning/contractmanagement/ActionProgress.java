package org.carecommissioning.contractmanagement;

/** C7: the body of {@code POST /api/improvement-actions/{id}/progress}: the provider's progress note. */
record ActionProgress(String note) {
}
