package cn.childprotect.cms.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 18 item 7: every endpoint of the OpenAPI document × every demo account × a resource in
 * the account's scope and one outside it, against the expectations in
 * {@code authorization-matrix.txt}. Fails when an endpoint has no row there (a new endpoint needs
 * a decision), when a row names an endpoint that is gone, and when any answer differs.
 *
 * <p>Cells: {@code ok} (passed authorization: anything but 401/403/404/5xx; a 400, 409 or 422
 * is the business saying no to a valid caller), {@code 403}, {@code 404}; {@code in/out} for
 * endpoints with a resource in the path. Two sides of fixtures: A in township 1 (village
 * 141029100001, director1, school1's report, a work order to police1's agency) and B in
 * township 2 (village 141029101001, director2, clinic1's report, a work order to another agency).
 */
class AuthorizationMatrixTests extends IntegrationTest {

    /** The demo accounts, and the side each belongs to (its "in scope" fixtures). */
    static final Map<String, Character> USERS = new LinkedHashMap<>();

    static {
        USERS.put("operator1", 'A');
        USERS.put("school1", 'A');
        USERS.put("clinic1", 'B');
        USERS.put("director1", 'A');
        USERS.put("director2", 'B');
        USERS.put("supervisor1", 'A');
        USERS.put("supervisor2", 'B');
        USERS.put("county1", 'A');
        USERS.put("police1", 'A');
        USERS.put("admin", 'A');
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    /** The resources of one side. */
    record Side(long caseId, long reportId, long workOrderId, long assessmentId, long escalationId, long registerEntryId, long campaignId) {
    }

    record Row(String method, String path, List<String> cells) {
    }

    private final Map<Long, Long> extensionRequests = new java.util.HashMap<>();

    /** guardianship (issue 13): a measure of each side's case, by case id, for /api/v1/measures/{id}. */
    private final Map<Long, Long> measures = new java.util.HashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    cn.childprotect.cms.users.UserDirectory users;

    private String machineAccount;
    private long machineKeyId;

    @Test
    void everyEndpointEveryRoleInAndOutOfScope() throws IOException {
        Set<String> documented = documentedEndpoints();
        Map<String, Row> table = table();

        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(table.keySet());
        Set<String> gone = new TreeSet<>(table.keySet());
        gone.removeAll(documented);

        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : USERS.keySet()) {
            tokens.put(user, token(user));
        }
        Side a = side('A');
        Side b = side('B');
        machineFixture();

        List<String> mismatches = new ArrayList<>();
        StringBuilder observedTable = new StringBuilder();
        for (String endpoint : documented) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            boolean scoped = hasScopedResource(path);
            Row row = table.get(endpoint);
            List<String> observed = new ArrayList<>();
            int column = 0;
            for (var user : USERS.entrySet()) {
                Side in = user.getValue() == 'A' ? a : b;
                Side out = user.getValue() == 'A' ? b : a;
                String inResult = classify(call(method, path, in, user.getKey(), tokens.get(user.getKey())));
                String cell = inResult;
                if (scoped) {
                    cell = inResult + "/" + classify(call(method, path, out, user.getKey(), tokens.get(user.getKey())));
                }
                observed.add(cell);
                if (row != null && !row.cells().get(column).equals(cell)) {
                    mismatches.add(endpoint + " as " + user.getKey() + ": expected " + row.cells().get(column)
                            + ", got " + cell);
                }
                column++;
            }
            observedTable.append(String.format("%-58s %s%n", endpoint, String.join(" ", observed)));
        }
        if (!missing.isEmpty() || !gone.isEmpty() || !mismatches.isEmpty()) {
            System.out.println("===== observed authorization matrix (columns: " + String.join(" ", USERS.keySet())
                    + ") =====\n" + observedTable);
        }
        assertThat(missing).as("endpoints in /v3/api-docs without a row in authorization-matrix.txt").isEmpty();
        assertThat(gone).as("rows of authorization-matrix.txt for endpoints that no longer exist").isEmpty();
        assertThat(mismatches).as("answers that differ from authorization-matrix.txt").isEmpty();
    }

    /** ok = passed authorization; 401/403/404 and 5xx are named. */
    private static String classify(MvcTestResult result) {
        int status = result.getResponse().getStatus();
        if (status == 401 || status == 403 || status == 404 || status >= 500) {
            return Integer.toString(status);
        }
        return "ok";
    }

    private static boolean hasScopedResource(String path) {
        Matcher m = VARIABLE.matcher(path);
        while (m.find()) {
            if (!Set.of("username", "code").contains(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    private MvcTestResult call(String method, String template, Side side, String user, String token) {
        String path = template;
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "caseId" -> Long.toString(side.caseId());
                case "id" -> Long.toString(idFor(template, side));
                case "username" -> template.contains("machine-accounts") ? machineAccount : "operator1";
                case "code" -> "XN-YL";
                case "kind" -> "PROTECTION_ORDER_APPLICATION";
                case "rid" -> Long.toString(extensionRequests.get(side.workOrderId()));
                default -> throw new IllegalStateException("no fixture for {" + name + "} in " + template);
            };
            path = path.replace("{" + name + "}", value);
        }
        if (template.equals("/api/v1/work-orders")) {
            path += "?mine=true";
        }
        if (template.equals("/api/v1/agencies/performance")) {
            path += "?from=2026-01-01&to=2026-12-31";
        }
        var request = mvc.method(HttpMethod.valueOf(method)).uri(path).header("Authorization", "Bearer " + token)
                .header("If-Match", "\"0\"");
        if (template.equals("/api/v1/reports") && method.equals("POST")) {
            request = request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (method.equals("POST") && template.endsWith("/attachments")) {
            return mvc.post().uri(path).header("Authorization", "Bearer " + token).multipart()
                    .file(new org.springframework.mock.web.MockMultipartFile("file", "m.jpg", "image/jpeg", MATRIX_JPEG))
                    .exchange();
        }
        String body = body(method, template, side, user);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    /** A minimal JPEG (SOI, JFIF APP0, EOI) for the attachment endpoints. */
    private static final byte[] MATRIX_JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F',
            'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, (byte) 0xFF, (byte) 0xD9 };

    private final Map<Long, Long> attachmentOfCase = new java.util.HashMap<>();

    /** An attachment on the side's case (uploaded once by county1, who works both sides). */
    private long attachmentFor(Side side) {
        return attachmentOfCase.computeIfAbsent(side.caseId(), caseId -> ((Number) read(mvc.post()
                .uri("/api/v1/cases/{id}/attachments", caseId).header("Authorization", basic("county1")).multipart()
                .file(new org.springframework.mock.web.MockMultipartFile("file", "m.jpg", "image/jpeg", MATRIX_JPEG))
                .exchange(), "$.id")).longValue());
    }

    private long idFor(String template, Side side) {
        if (template.contains("/attachments/")) {
            return attachmentFor(side);
        }
        if (template.startsWith("/api/v1/children/")) {
            return ((Number) read(mvc.get().uri("/api/v1/cases/{id}", side.caseId()).header("Authorization", basic("county1"))
                    .exchange(), "$.childId")).longValue();
        }
        if (template.startsWith("/api/v1/reports/")) {
            return side.reportId();
        }
        if (template.startsWith("/api/v1/work-orders/")) {
            return side.workOrderId();
        }
        if (template.startsWith("/api/v1/escalations/")) {
            return side.escalationId();
        }
        if (template.startsWith("/api/v1/measures/")) {
            return measures.get(side.caseId());
        }
        if (template.startsWith("/api/v1/register/")) {
            return side.registerEntryId();
        }
        if (template.startsWith("/api/v1/register-campaigns/")) {
            return side.campaignId();
        }
        if (template.contains("/assessments/")) {
            return side.assessmentId();
        }
        if (template.contains("/api-keys/")) {
            return machineKeyId;
        }
        return side.caseId();
    }

    /** A body valid in form, so that a refusal comes from authorization, not from bean validation. */
    private String body(String method, String template, Side side, String user) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return null;
        }
        return switch (template) {
            case "/api/v1/auth/token" -> "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(user, PASSWORD);
            case "/api/v1/reports" -> """
                    {"channel":"HOTLINE","categories":["GD04"],"villageCode":"141029100001","narrative":"矩阵测试",
                     "child":{"name":"矩阵","sex":"MALE","villageCode":"141029100001"},"reporter":{"anonymous":true}}""";
            case "/api/v1/reports/{id}/police-notification" ->
                "{\"notifiedAt\":\"2026-11-20T09:00:00Z\",\"station\":\"城关派出所\",\"receiptNumber\":\"JJ-1\"}";
            case "/api/v1/reports/{id}/link" -> "{\"caseId\":" + side.caseId() + "}";
            case "/api/v1/cases/{id}/transitions" -> "{\"event\":\"ACCEPT\",\"note\":\"矩阵测试\"}";
            case "/api/v1/cases/{id}/assignee" -> "{\"username\":\"director1\"}";
            case "/api/v1/cases/{id}/notes" -> "{\"text\":\"矩阵测试\"}";
            case "/api/v1/cases/{id}/first-contact" -> "{\"note\":\"矩阵测试\"}";
            case "/api/v1/cases/{caseId}/attachments/{id}/shares" -> "{\"workOrderId\":" + side.workOrderId() + "}";
            case "/api/v1/cases/{id}/child" -> "{\"description\":\"矩阵测试\"}";
            case "/api/v1/cases/{caseId}/assessments", "/api/v1/cases/{caseId}/assessments/{id}" ->
                "{\"answers\":" + LOW_RISK_ANSWERS + ",\"rationale\":\"矩阵测试\"}";
            case "/api/v1/cases/{caseId}/assessments/{id}/confirm" -> "{\"level\":\"HIGH\",\"reason\":\"矩阵测试\"}";
            case "/api/v1/cases/{caseId}/support-plan" -> """
                    {"goals":"矩阵测试","services":[{"type":"监护指导","providerName":"儿童之家","dueDate":"2026-12-31",
                     "status":"PLANNED"}]}""";
            case "/api/v1/cases/{caseId}/visits" -> """
                    {"visitedOn":"2026-11-20","type":"HOME","personsSeen":"母亲","observations":"矩阵测试","safety":"SAFE"}""";
            case "/api/v1/cases/{caseId}/work-orders" ->
                "{\"agencyCode\":\"XN-EDU\",\"requestText\":\"矩阵测试\",\"sharedSummary\":\"矩阵测试\"}";
            case "/api/v1/escalations/{id}/resolve" -> "{\"note\":\"矩阵测试\"}";
            case "/api/v1/cases/{caseId}/measures" ->
                "{\"type\":\"LEGAL_AID\",\"body\":\"县法律援助中心\",\"referenceNumber\":\"矩阵测试\"}";
            case "/api/v1/measures/{id}/steps" -> "{\"step\":\"LOG\",\"version\":0,\"note\":\"矩阵测试\"}";
            case "/api/v1/register" -> """
                    {"child":{"name":"矩阵登记%s"},"villageCode":"141029100001","categories":["MIGRANT"],"tier":"GREEN"}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 6));
            case "/api/v1/register/{id}/transitions" -> "{\"event\":\"APPROVE\"}";
            case "/api/v1/register-campaigns" -> "{\"name\":\"矩阵排查\",\"startsOn\":\"2026-01-01\",\"endsOn\":\"2031-01-01\"}";
            case "/api/v1/register/{id}/visits" -> "{\"visitedOn\":\"2026-11-01\",\"kind\":\"HOME\",\"safety\":\"SAFE\"}";
            case "/api/v1/work-orders/{id}/extension-requests/{rid}/approve" -> "{}";
            case "/api/v1/work-orders/{id}/extension-requests/{rid}/refuse" -> "{\"reason\":\"矩阵测试\"}";
            case "/api/v1/work-orders/{id}/callbacks", "/api/v1/cases/{caseId}/callbacks" ->
                    "{\"reached\":true,\"satisfaction\":\"SATISFIED\"}";
            case "/api/v1/work-orders/{id}/extension-requests" ->
                "{\"requestedDueAt\":\"2031-01-01T00:00:00Z\",\"reason\":\"矩阵测试\"}";
            case "/api/v1/exchange/12345/tickets" -> """
                    {"ticketNumber":"MX%s","content":"矩阵测试","classification":["GD04"],"villageCode":"141029100001"}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 8));
            case "/api/v1/admin/users" -> """
                    {"username":"mx%s","displayName":"矩阵","password":"matrix-pass-2026","role":"HOTLINE_OPERATOR",
                     "jurisdictionCode":"141029000000"}""".formatted(UUID.randomUUID().toString().substring(0, 8));
            case "/api/v1/admin/users/{username}" -> "{\"displayName\":\"热线接线员\"}";
            case "/api/v1/admin/agencies" -> """
                    {"code":"MX-%s","type":"YOUTH_LEAGUE","name":"矩阵机构","jurisdictionCode":"141029000000"}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 8));
            case "/api/v1/admin/agencies/{code}" -> """
                    {"code":"XN-YL","type":"YOUTH_LEAGUE","name":"共青团乡宁县委员会","jurisdictionCode":"141029000000",
                     "email":"tw@xiangning.example.gov.cn"}""";
            case "/api/v1/admin/machine-accounts" -> """
                    {"username":"mm%s","displayName":"矩阵平台","role":"HOTLINE_OPERATOR","jurisdictionCode":"141029000000"}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 8));
            case "/api/v1/admin/machine-accounts/{username}/api-keys" -> "{\"label\":\"matrix\"}";
            default -> template.startsWith("/api/v1/work-orders/")
                    ? "{\"reason\":\"矩阵测试\",\"answer\":\"矩阵测试\",\"note\":\"矩阵测试\"}" : "{}";
        };
    }

    // ---------------------------------------------------------------- fixtures

    private String token(String user) {
        MvcTestResult result = mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(user, PASSWORD)).exchange();
        assertThat(result).hasStatusOk();
        return read(result, "$.access_token");
    }

    private Side side(char side) {
        boolean a = side == 'A';
        String reporter = a ? "school1" : "clinic1";
        String village = a ? "141029100001" : "141029101001";
        String supervisor = a ? "supervisor1" : "supervisor2";
        String director = a ? "director1" : "director2";
        MvcTestResult report = mvc.post().uri("/api/v1/reports").header("Authorization", basic(reporter))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"categories":["MR04"],"villageCode":"%s","occurredAt":"2026-11-20T08:00:00Z",
                         "narrative":"矩阵测试 %s","child":{"name":"矩阵%s","sex":"FEMALE","villageCode":"%s"},
                         "reporter":{"name":"报告人","phone":"13800000009"}}"""
                        .formatted(village, UUID.randomUUID(), side, village)).exchange();
        assertThat(report).hasStatus(201);
        long reportId = ((Number) read(report, "$.reportId")).longValue();
        // a reporting unit's receipt does not name the case (issue 18): the supervisor's view of the report does
        long caseId = ((Number) read(mvc.get().uri("/api/v1/reports/{id}", reportId)
                .header("Authorization", basic(supervisor)).exchange(), "$.caseId")).longValue();

        assertThat(fire(supervisor, caseId, "ACCEPT", null)).hasStatusOk();
        assertThat(mvc.put().uri("/api/v1/cases/{id}/assignee", caseId).header("Authorization", basic(supervisor))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + director + "\"}")).hasStatusOk();
        MvcTestResult assessment = mvc.post().uri("/api/v1/cases/{id}/assessments", caseId)
                .header("Authorization", basic(director)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":" + LOW_RISK_ANSWERS + ",\"rationale\":\"矩阵测试\"}").exchange();
        assertThat(assessment).hasStatus(201);
        writePlan(director, caseId);
        MvcTestResult order = mvc.post().uri("/api/v1/cases/{id}/work-orders", caseId)
                .header("Authorization", basic(director)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"agencyCode\":\"%s\",\"requestText\":\"矩阵测试\",\"sharedSummary\":\"矩阵测试\"}"
                        .formatted(a ? "XN-PS" : "XN-CA")).exchange();
        assertThat(order).hasStatus(201);
        long orderId = ((Number) read(order, "$.id")).longValue();
        // coop (issue 16): a pending extension request of the order, for .../extension-requests/{rid}/...
        String agencyUser = a ? "police1" : "mxagency-ca";
        if (!a) {
            users.ensureAccount(new cn.childprotect.cms.users.NewUser(agencyUser, agencyUser, PASSWORD,
                    cn.childprotect.cms.users.Role.AGENCY_STAFF, "141029000000", null, null, "XN-CA", null), false);
        }
        MvcTestResult extension = mvc.post().uri("/api/v1/work-orders/{id}/extension-requests", orderId)
                .header("Authorization", basic(agencyUser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"requestedDueAt\":\"2030-01-01T00:00:00Z\",\"reason\":\"矩阵测试\"}").exchange();
        assertThat(extension).hasStatus(201);
        extensionRequests.put(orderId, ((Number) read(extension, "$.id")).longValue());
        assertThat(fire(supervisor, caseId, "DECLARE_EMERGENCY", "矩阵测试")).hasStatusOk();
        MvcTestResult measure = mvc.post().uri("/api/v1/cases/{id}/measures", caseId)
                .header("Authorization", basic(director)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"LEGAL_AID\",\"body\":\"县法律援助中心\",\"referenceNumber\":\"矩阵测试\"}").exchange();
        assertThat(measure).hasStatus(201);
        measures.put(caseId, ((Number) read(measure, "$.id")).longValue());
        MvcTestResult escalations = mvc.get().uri("/api/v1/escalations").header("Authorization", basic(supervisor))
                .exchange();
        List<Number> ids = read(escalations, "$.items[?(@.caseId == " + caseId + ")].id");
        assertThat(ids).isNotEmpty();
        return new Side(caseId, reportId, ((Number) read(order, "$.id")).longValue(),
                ((Number) read(assessment, "$.id")).longValue(), ids.get(0).longValue(),
                registerEntry(director, supervisor, village, side), campaign(supervisor));
    }

    /** A key-period sweep of the supervisor's township. */
    private long campaign(String supervisor) {
        MvcTestResult opened = mvc.post().uri("/api/v1/register-campaigns").header("Authorization", basic(supervisor))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"矩阵排查\",\"startsOn\":\"2026-01-01\",\"endsOn\":\"2031-01-01\"}").exchange();
        assertThat(opened).hasStatus(201);
        return ((Number) read(opened, "$.id")).longValue();
    }

    /** A register entry of the side's village, entered by its director and confirmed up the chain (in force). */
    private long registerEntry(String director, String supervisor, String village, char side) {
        MvcTestResult created = mvc.post().uri("/api/v1/register").header("Authorization", basic(director))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"child":{"name":"名册矩阵%s%s","sex":"FEMALE"},"villageCode":"%s","categories":["LEFT_BEHIND"],
                         "tier":"YELLOW"}""".formatted(side, UUID.randomUUID().toString().substring(0, 6), village))
                .exchange();
        assertThat(created).hasStatus(201);
        long id = ((Number) read(created, "$.id")).longValue();
        for (String[] step : new String[][] { { supervisor, "APPROVE" }, { "county1", "CONFIRM" } }) {
            long version = ((Number) read(mvc.get().uri("/api/v1/register/{id}", id)
                    .header("Authorization", basic(step[0])).exchange(), "$.version")).longValue();
            assertThat(mvc.post().uri("/api/v1/register/{id}/transitions", id).header("Authorization", basic(step[0]))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"event\":\"%s\",\"version\":%d}".formatted(step[1], version)).exchange())
                    .hasStatusOk();
        }
        return id;
    }

    private void machineFixture() {
        machineAccount = "mxportal" + UUID.randomUUID().toString().substring(0, 6);
        MvcTestResult created = mvc.post().uri("/api/v1/admin/machine-accounts").header("Authorization", basic("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","displayName":"矩阵平台","role":"HOTLINE_OPERATOR",
                         "jurisdictionCode":"141029000000"}""".formatted(machineAccount)).exchange();
        assertThat(created).hasStatus(201);
        machineKeyId = ((Number) read(created, "$.summary.id")).longValue();
    }

    // ---------------------------------------------------------------- the document and the table

    private Set<String> documentedEndpoints() {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(docs).hasStatusOk();
        Map<String, Map<String, Object>> paths = read(docs, "$.paths");
        Set<String> endpoints = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> endpoints.add(m.toUpperCase() + " " + path)));
        assertThat(endpoints).as("the OpenAPI document lists the API").hasSizeGreaterThan(30);
        return endpoints;
    }

    private static Map<String, Row> table() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        String text = new ClassPathResource("authorization-matrix.txt").getContentAsString(StandardCharsets.UTF_8);
        for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String[] parts = line.split("\\s+");
            assertThat(parts).as(line).hasSize(2 + USERS.size());
            String key = parts[0] + " " + parts[1];
            assertThat(rows).as("duplicate row " + key).doesNotContainKey(key);
            rows.put(key, new Row(parts[0], parts[1], List.of(parts).subList(2, parts.length)));
        }
        return rows;
    }
}
