package org.carecommissioning.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is held in pence as whole numbers (R9); these helpers convert at the edges only. */
public final class Money {

    /** Far beyond any amount here, and well inside a long of pence, so the conversion below cannot overflow. */
    private static final BigDecimal LARGEST_POUNDS = BigDecimal.TEN.pow(12);

    private Money() {
    }

    /** Converts a pounds amount typed into a form (for example 7.5) into pence, refusing fractions of a penny. */
    public static long poundsToPence(Number pounds, String fieldLabel) {
        if (pounds == null) {
            throw new BusinessRuleViolation("R9", fieldLabel + " is required.");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(pounds.toString());
        } catch (NumberFormatException e) {
            // NaN or Infinity from a double
            throw new BusinessRuleViolation("R9", fieldLabel + " must be an amount in pounds, for example 7.50.");
        }
        if (value.abs().compareTo(LARGEST_POUNDS) > 0) {
            throw new BusinessRuleViolation("R9", fieldLabel + " is far too large.");
        }
        BigDecimal pence = value.movePointRight(2);
        if (pence.stripTrailingZeros().scale() > 0) {
            throw new BusinessRuleViolation("R9", fieldLabel + " must be in pounds and pence, for example 7.50.");
        }
        return pence.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** Formats pence as pounds for letters and invoices, for example 1250 becomes "£12.50". */
    public static String format(long pence) {
        String sign = pence < 0 ? "-" : "";
        long abs = Math.abs(pence);
        return String.format("%s£%d.%02d", sign, abs / 100, abs % 100);
    }

    /** Plain decimal pounds without the currency sign, for form fields. */
    public static String plain(long pence) {
        return BigDecimal.valueOf(pence, 2).toPlainString();
    }
}
