package org.carecommissioning.consultation;

import org.carecommissioning.contractmanagement.ContractedService;

/**
 * U3: the consent form (seed 004 part 3.6, appendix 1) as a PDF for the provider to print, one per participant: what
 * taking part means, that answers are kept against the consent reference and never the name, that any question may
 * be declined and consent withdrawn afterwards (the answers are then deleted), and the signatures of the service user
 * and, where one signs, the carer. It names no participant; the officer writes the consent reference on each copy.
 */
final class ConsentFormPdf {

    private ConsentFormPdf() {
    }

    static String fileName(Consultation consultation) {
        return "Consent-form-" + consultation.getReference() + ".pdf";
    }

    static byte[] render(Consultation consultation, ContractedService service, String providerName) {
        return new ConsultationPdf()
                .add(16, "Service user consultation: consent form")
                .add(10, "Consultation " + consultation.getReference() + " of " + service.getName() + " ("
                        + service.getServiceCode() + "), provided by " + providerName + ", "
                        + consultation.getFinancialYear())
                .add(10, "")
                .add(10, "We are asking the people who use this service what they think of it, so that it can be"
                        + " improved. Taking part is your choice. You may decline any question. Your answers are"
                        + " recorded against the consent reference below, never against your name, and our report"
                        + " names no one. You may withdraw your consent after the meeting by giving the consent"
                        + " reference to the provider or by telephoning the purchasing officer; your answers are then"
                        + " deleted.")
                .add(10, "If you tell us something that worries us about your health, safety or wellbeing, we must"
                        + " pass it on to make sure you are safe.")
                .add(10, "")
                .add(11, "Service user")
                .add(10, "I agree to take part.   Name: ______________________________")
                .add(10, "Signature: ______________________________   Date: ______________")
                .add(10, "")
                .add(11, "Carer (where a carer signs)")
                .add(10, "Name: ______________________________")
                .add(10, "Signature: ______________________________   Date: ______________")
                .add(10, "")
                .add(11, "Consent reference (written by the officer on your copy): CR-____-____")
                .render("Consent form " + consultation.getReference());
    }
}
