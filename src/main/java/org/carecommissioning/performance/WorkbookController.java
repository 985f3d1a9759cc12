package org.carecommissioning.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.Caller;
import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.AccessDenied;
import org.carecommissioning.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * PI1: the purchasing officer issues a service's workbook for a reporting year; its contract page is then locked,
 * and a change makes the next version. The service's provider and the commissioning team can read it.
 */
@RestController
class WorkbookController {

    /** The commissioning team: purchasing officers, contracts managers and administrators. */
    private static final String[] TEAM = {Roles.PURCHASING_OFFICER, Roles.CONTRACTS_MANAGER, Roles.ADMIN};

    private final Workbooks workbooks;
    private final ContractServices services;
    private final Caller caller;

    WorkbookController(Workbooks workbooks, ContractServices services, Caller caller) {
        this.workbooks = workbooks;
        this.services = services;
        this.caller = caller;
    }

    @PostMapping("/api/services/{serviceCode}/workbooks")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> issue(@PathVariable String serviceCode, @Valid @RequestBody ContractPageRequest request) {
        caller.requireAnyOf("Only purchasing officers and the contracts manager issue or change workbooks.", TEAM);
        // least privilege: an officer works on the services they are officer for, not on every service
        ContractedService service = services.byCode(serviceCode);
        if (!caller.isAnyOf(Roles.CONTRACTS_MANAGER, Roles.ADMIN)) {
            services.requireOfficerOrContractsManager(caller.userId(), service, "issues or changes its workbook");
        }
        Workbook workbook = workbooks.issue(serviceCode, request.year(), request.page(), request.effectiveFrom(),
                request.reason(), caller.userId());
        return view(serviceCode, workbook);
    }

    @GetMapping("/api/services/{serviceCode}/workbooks")
    Map<String, Object> current(@PathVariable String serviceCode, @RequestParam String year) {
        ContractedService service = services.byCode(serviceCode);
        if (!caller.isAnyOf(TEAM) && !caller.isAnyOf(Roles.DATA_INPUT_CLERK, services.providerOf(service).getGroupId())) {
            throw new AccessDenied("Only the commissioning team and the service's own provider can see its workbook.");
        }
        String reportingYear = ReportingYear.parse(year).toString();
        return workbooks.current(service.getId(), reportingYear).map(w -> view(service.getServiceCode(), w))
                .orElseThrow(() -> new NotFound("Service " + serviceCode + " has no workbook for " + reportingYear + "."));
    }

    private static Map<String, Object> view(String serviceCode, Workbook workbook) {
        ContractPage page = workbook.page();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("serviceCode", serviceCode);
        view.put("year", workbook.getReportingYear());
        view.put("version", workbook.versionLabel());
        view.put("effectiveFrom", workbook.getEffectiveFrom().toString());
        view.put("changeReason", workbook.getChangeReason());
        view.put("dccCode", page.dccCode());
        view.put("administeringAuthority", page.administeringAuthority());
        view.put("units", page.units());
        view.put("plannedDuration", page.plannedDuration());
        view.put("outOfHoursCover", page.outOfHoursCover());
        view.put("contractManager", page.contractManager());
        view.put("frontLineHours", page.frontLineHours());
        view.put("managementHours", page.managementHours());
        view.put("otherHours", page.otherHours());
        return view;
    }

    record ContractPageRequest(
            @NotBlank(message = "Give the reporting year, like 2026/27.") String year,
            @NotBlank(message = "Give the year's DCC authorisation code.") String dccCode,
            @NotBlank(message = "Give the administering authority.") String administeringAuthority,
            @NotNull(message = "Give the number of units.") Integer units,
            @NotBlank(message = "Give the planned duration: UNDER_2 or OVER_2 years.") String plannedDuration,
            boolean outOfHoursCover,
            @NotBlank(message = "Name the contract manager.") String contractManager,
            @NotNull(message = "Give the front-line staffing hours.") BigDecimal frontLineHours,
            @NotNull(message = "Give the management staffing hours.") BigDecimal managementHours,
            @NotNull(message = "Give the other staffing hours.") BigDecimal otherHours,
            LocalDate effectiveFrom,
            String reason) {

        ContractPage page() {
            return new ContractPage(dccCode.trim(), administeringAuthority.trim(), units, plannedDuration.trim(),
                    outOfHoursCover, contractManager.trim(), frontLineHours, managementHours, otherHours);
        }
    }
}
