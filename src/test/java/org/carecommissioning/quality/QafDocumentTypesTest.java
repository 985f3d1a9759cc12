package org.carecommissioning.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.carecommissioning.shared.BusinessRuleViolation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Q3: what an evidence document is, read from its bytes; its size limit; the list on the review task. */
class QafDocumentTypesTest {

    @Test
    @DisplayName("Q3 PDF, PNG, JPEG and Word documents are recognised by their first bytes; text, a bare ZIP or an"
            + " old .doc are not")
    void types() throws Exception {
        assertThat(QafDocuments.typeOf(QafDocumentsTest.PDF)).isEqualTo(QafDocuments.PDF);
        assertThat(QafDocuments.typeOf(QafDocumentsTest.PNG)).isEqualTo(QafDocuments.PNG);
        assertThat(QafDocuments.typeOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .isEqualTo(QafDocuments.JPEG);
        assertThat(QafDocuments.typeOf(QafDocumentsTest.zip("word/document.xml"))).isEqualTo(QafDocuments.DOCX);
        assertThat(QafDocuments.typeOf(QafDocumentsTest.zip("xl/workbook.xml"))).isNull();
        assertThat(QafDocuments.typeOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})).isNull();
        assertThat(QafDocuments.typeOf("%PD".getBytes())).isNull();
        assertThat(QafDocuments.typeOf(new byte[] {'P', 'K', 3, 4, 1, 2})).isNull();
    }

    @Test
    @DisplayName("Q3 the name kept has no folders and the extension of the content's type")
    void names() {
        assertThat(QafDocuments.name("C:\\Users\\me\\scan.pdf", QafDocuments.PNG)).isEqualTo("scan.png");
        assertThat(QafDocuments.name("../../photo.JPEG", QafDocuments.JPEG)).isEqualTo("photo.JPEG");
        assertThat(QafDocuments.name("  ", QafDocuments.PDF)).isEqualTo("document.pdf");
        assertThat(QafDocuments.name("policy", QafDocuments.DOCX)).isEqualTo("policy.docx");
    }

    @Test
    @DisplayName("Q3 a document over care.quality.max-document-size is refused with 400 and a sentence, nothing kept")
    void overLimit() {
        QafReturns returns = mock(QafReturns.class);
        QafReturn qaf = mock(QafReturn.class);
        when(qaf.getStatus()).thenReturn(QafStatus.ISSUED);
        when(returns.get("QAF-1")).thenReturn(qaf);
        QafDocumentRepository repository = mock(QafDocumentRepository.class);
        QafDocuments documents = new QafDocuments(returns, repository, null, null, Clock.systemUTC(),
                DataSize.ofKilobytes(1));
        byte[] big = new byte[1025];
        System.arraycopy(QafDocumentsTest.PDF, 0, big, 0, QafDocumentsTest.PDF.length);
        assertThatThrownBy(() -> documents.upload("QAF-1", null, "big.pdf", big, "u"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("The file is 2 KB; documents of at most 1 KB can be uploaded.");
        assertThatThrownBy(() -> documents.upload("QAF-1", "C9.9", "a.pdf", QafDocumentsTest.PDF, "u"))
                .hasMessageContaining("There is no core objective C9.9");
        org.mockito.Mockito.verifyNoInteractions(repository);
    }

    @Test
    @DisplayName("Q3 the review task lists each document with its type, size, objective, uploader and time")
    void list() {
        QafDocument.Entry entry = new QafDocument.Entry(1L, CoreObjective.C1_2, "plan.pdf", QafDocuments.PDF, 2048,
                "prov", LocalDateTime.of(2026, 11, 3, 14, 5));
        assertThat(QafDocuments.describe(List.of(entry))).startsWith("plan.pdf (PDF, 2 KB) for C1.2 \u2013 uploaded by"
                + " prov on Tue 3 Nov 2026");
        assertThat(QafDocuments.describe(List.of())).isEqualTo("No documents uploaded.");
    }
}
