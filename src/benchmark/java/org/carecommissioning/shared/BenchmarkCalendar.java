package org.carecommissioning.shared;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The application's {@link WorkingDayCalendar} as Spring builds it, for the working-day micro-benchmarks: the bean
 * behind its transactional proxy, its Spring Data repository over JPA, and table {@code bank_holiday} as the
 * application's own Flyway migrations create and fill it (V1, V2: the England and Wales bank holidays), in an
 * in-memory H2 database (the application's default database; PostgreSQL adds a network round trip). A JMH state: a
 * benchmark method or set-up that takes it as an argument gets one context per trial.
 */
@State(Scope.Benchmark)
public class BenchmarkCalendar {

    private AnnotationConfigApplicationContext context;

    @Setup(Level.Trial)
    public void start() {
        context = new AnnotationConfigApplicationContext(Context.class);
    }

    @TearDown(Level.Trial)
    public void close() {
        context.close();
    }

    /** A set-up's check that a benchmark's dates are the deadline the policy must give, so it measures that case. */
    public static void expect(LocalDate actual, LocalDate expected) {
        if (!actual.equals(expected)) {
            throw new IllegalStateException("Expected " + expected + ", the policy gave " + actual);
        }
    }

    public WorkingDayCalendar calendar() {
        return context.getBean(WorkingDayCalendar.class);
    }

    /** Every bank holiday of the table, as {@link WorkingDays} takes them. */
    public Set<LocalDate> holidays() {
        return context.getBean(BankHolidayRepository.class).findAll().stream()
                .map(BankHoliday::date)
                .collect(Collectors.toSet());
    }

    /** Only what the calendar needs: data source, the bank-holiday migrations, JPA and transactions. */
    @Configuration
    @EnableTransactionManagement
    @EnableJpaRepositories(basePackageClasses = BankHolidayRepository.class)
    @Import(WorkingDayCalendar.class)
    static class Context {

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource() {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl("jdbc:h2:mem:working-days;DB_CLOSE_DELAY=-1");
            dataSource.setUsername("sa");
            dataSource.setMaximumPoolSize(2);
            return dataSource;
        }

        @Bean
        Flyway flyway(DataSource dataSource) {
            Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .target("2").load();
            flyway.migrate();
            return flyway;
        }

        @Bean
        @DependsOn("flyway")
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
            factory.setDataSource(dataSource);
            factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
            factory.setManagedTypes(PersistenceManagedTypes.of(BankHoliday.class.getName()));
            return factory;
        }

        @Bean
        PlatformTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
            return new JpaTransactionManager(entityManagerFactory);
        }
    }
}
