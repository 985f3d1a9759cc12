package org.carecommissioning.invoicing;

public enum InvoiceStatus {
    ISSUED,
    PAID
}
