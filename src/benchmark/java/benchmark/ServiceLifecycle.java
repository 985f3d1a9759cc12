package benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lifecycle of a contracted service that allows one instance per service (one planned meeting, one return a
 * quarter, one open consultation...): each pass registers a service of its own first, as the team does.
 */
abstract class ServiceLifecycle implements Lifecycle {

    private final String key;
    private final String name;
    private final List<ServiceTeam> teams;
    private final String codePrefix;
    private final AtomicInteger services = new AtomicInteger();

    /** Client number i works as {@code teams.get(i)}; service codes are {@code codePrefix}, a number. */
    ServiceLifecycle(String key, String name, List<ServiceTeam> teams, String codePrefix) {
        this.key = key;
        this.name = name;
        this.teams = teams;
        this.codePrefix = codePrefix;
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void run(int client, int iteration, Recorder recorder) {
        run(teams.get(client), recorder);
        recorder.lifecycleDone();
    }

    /** One pass as that client's team, timing each task completion. */
    abstract void run(ServiceTeam team, Recorder recorder);

    /** Registers a new service of the team's officer (see {@link Steps#registerService}); its code. */
    String newService(ServiceTeam team, LocalDate nextMeetingDue) {
        String serviceCode = codePrefix + services.incrementAndGet();
        Steps.registerService(team.officer(), serviceCode, nextMeetingDue);
        return serviceCode;
    }
}
