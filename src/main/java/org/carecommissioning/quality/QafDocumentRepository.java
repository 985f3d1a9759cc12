package org.carecommissioning.quality;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface QafDocumentRepository extends JpaRepository<QafDocument, Long> {

    /** Q3: the documents of a return, oldest first, without their bytes. */
    @Query("select new org.carecommissioning.quality.QafDocument$Entry(d.id, d.objective, d.fileName, d.contentType,"
            + " d.sizeBytes, d.uploadedBy, d.uploadedAt) from QafDocument d where d.qafReturnId = ?1 order by d.id")
    List<QafDocument.Entry> entries(Long qafReturnId);

    long countByQafReturnId(Long qafReturnId);

    Optional<QafDocument> findByIdAndQafReturnId(Long id, Long qafReturnId);
}
