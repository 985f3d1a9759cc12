package org.carecommissioning.shared;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "bank_holiday")
public class BankHoliday {

    @Id
    @Column(name = "holiday_date")
    private LocalDate date;

    private String name;

    protected BankHoliday() {
    }

    public BankHoliday(LocalDate date, String name) {
        this.date = date;
        this.name = name;
    }

    public LocalDate date() {
        return date;
    }

    public String name() {
        return name;
    }
}
