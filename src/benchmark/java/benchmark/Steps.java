package benchmark;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the lifecycles' users do over and over: start a process, complete a task, register a contracted service. */
final class Steps {

    /** HAVEN, the demo profile's supported-housing provider; its staff are in this group. */
    static final String PROVIDER_CODE = "HAVEN";
    static final String PROVIDER_GROUP = "pr-haven";

    private Steps() {
    }

    /** Starts a process from Tasklist's start form (the engine REST start); the new instance's id. */
    static String start(EngineClient user, String processKey, Object body) {
        return user.post("/engine-rest/process-definition/key/" + processKey + "/start", body).get("id").asText();
    }

    /** Waits for the instance's task, then completes it with the form's variables, timing the completion. */
    static void complete(EngineClient user, Recorder recorder, String instance, String taskKey, Object body) {
        String task = Tasks.await(user, instance, taskKey);
        recorder.completion(() -> user.post("/engine-rest/task/" + task + "/complete", body));
    }

    /**
     * C1: the purchasing officer registers a contracted service of HAVEN over {@code POST /api/services}, as the team
     * does for each service it monitors, with the date its next contract management meeting is due.
     */
    static void registerService(EngineClient officer, String serviceCode, LocalDate nextMeetingDue) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("serviceCode", serviceCode);
        service.put("name", "Benchmark service " + serviceCode);
        service.put("providerCode", PROVIDER_CODE);
        service.put("primaryClientGroup", "Older people");
        service.put("serviceType", "Floating support");
        service.put("priorityLevel", "AMBER");
        service.put("purchasingOfficer", officer.user());
        service.put("nextMeetingDue", nextMeetingDue.toString());
        officer.post("/api/services", service);
    }

    /** The first Monday to Friday on or after that day. */
    static LocalDate weekday(LocalDate day) {
        LocalDate date = day;
        while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            date = date.plusDays(1);
        }
        return date;
    }
}
