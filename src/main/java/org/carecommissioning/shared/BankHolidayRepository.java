package org.carecommissioning.shared;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface BankHolidayRepository extends JpaRepository<BankHoliday, LocalDate> {

    List<BankHoliday> findByDateBetween(LocalDate from, LocalDate to);
}
