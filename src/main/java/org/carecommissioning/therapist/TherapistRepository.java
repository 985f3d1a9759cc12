package org.carecommissioning.therapist;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TherapistRepository extends JpaRepository<Therapist, Long> {

    List<Therapist> findByIdInAndActiveTrueOrderByFullName(Collection<Long> ids);
}
