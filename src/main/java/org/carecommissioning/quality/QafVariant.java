package org.carecommissioning.quality;

/** Q2: the full QAF, or the shorter "QAF Lite" the purchasing officer may choose. */
public enum QafVariant {
    FULL, LITE
}
