package org.carecommissioning.security;

/**
 * A column a capability adds to its group's Tasklist filters: the task variable {@code variable} under the heading
 * {@code label}. Every filter already shows the case reference and the organisation or service; a column here is
 * for what only that capability's tasks carry. Never personal data: a filter lists every task of the group.
 */
public record TasklistColumn(String group, String variable, String label) {
}
