using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Http = Workflow.Api.Tests.Infrastructure.Api;

namespace Workflow.Api.Tests.Admin;

/// <summary>
/// Agencies and which agency plays which part for a unit, as the national administrator: a province Đồng Nai-like
/// set-up where one regional treasury of the province serves a commune.
/// </summary>
public class AdminAgencyTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>, IAsyncLifetime
{
    private const string Province = "QN";
    private const string Commune = "QN.A";

    public async Task InitializeAsync()
    {
        using var admin = await factory.ClientFor("admin");
        using var existing = await admin.GetAsync($"/api/admin/units/{Province}");
        if (existing.StatusCode == HttpStatusCode.OK) return;

        await admin.CreateUnitAsync(new { code = Province, name = "Tỉnh Quảng Nam Thử", level = "Province", parentCode = "VN" }).OkAsync(HttpStatusCode.Created);
        await admin.CreateUnitAsync(new { code = Commune, name = "Xã An", level = "Commune", parentCode = Province }).OkAsync(HttpStatusCode.Created);
        foreach (var (code, name, kind, unit) in new[]
                 {
                     ("QN.A.TCKH", "Bộ phận Tài chính xã An", "FinanceOffice", Commune),
                     ("QN.A.UBND", "UBND xã An", "PeoplesCommittee", Commune),
                     ("QN.A.KBNN", "Kho bạc xã An", "Treasury", Commune),
                     ("QN.KBNN", "Kho bạc Nhà nước khu vực Quảng Nam", "Treasury", Province),
                     ("QN.UBND", "UBND tỉnh", "PeoplesCommittee", Province),
                 })
            await admin.CreateAgencyAsync(new { code, name, kind, unitCode = unit }).OkAsync(HttpStatusCode.Created);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpClient> Admin() => factory.ClientFor("admin");

    [Fact]
    public async Task CreateAgency_OfEveryKind_IsListedWithItsKindAndJournaled()
    {
        using var admin = await Admin();
        var kinds = new[] { "LeadAgency", "FinanceOffice", "PeoplesCommittee", "StandingOffice", "Treasury", "Administration" };

        foreach (var kind in kinds)
            await admin.CreateAgencyAsync(new { code = $"QN.K.{kind}", name = $"Cơ quan {kind}", kind, unitCode = Province }).OkAsync(HttpStatusCode.Created);

        var listed = await admin.GetArrayAsync($"/api/admin/agencies?unit={Province}");
        foreach (var kind in kinds)
            Assert.Contains(listed, a => (string?)a!["code"] == $"QN.K.{kind}" && (string?)a["kind"] == kind);
        Assert.Equal("Cơ quan quản trị hệ thống", (string?)listed.Single(a => (string?)a!["code"] == "QN.K.Administration")!["kindName"]);
        var treasuries = await admin.GetArrayAsync($"/api/admin/agencies?unit={Province}&kind=Treasury");
        Assert.All(treasuries, a => Assert.Equal("Treasury", (string?)a!["kind"]));
        var entry = Assert.Single(await admin.JournalOfAsync("Agency", "QN.K.Treasury"));
        Assert.Equal("create", (string?)entry!["action"]);
        Assert.Equal(Province, (string?)entry["unitCode"]);
    }

    [Fact]
    public async Task CreateAgency_WhenCodeIsTaken_Returns409()
    {
        using var admin = await Admin();

        using var response = await admin.CreateAgencyAsync(new { code = "BP.HQ.TCKH", name = "Trùng", kind = "FinanceOffice", unitCode = Province });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("agency.duplicate", (string?)problem["code"]);
    }

    [Fact]
    public async Task CreateAgency_WhenKindNameAndUnitAreBad_Returns400AtEachField()
    {
        using var admin = await Admin();

        using var missing = await admin.CreateAgencyAsync(new { code = "QN.BAD", name = "", unitCode = "" });
        using var unknownKind = await admin.CreateAgencyAsync(new { code = "QN.BAD", name = "Tên", kind = "Ministry", unitCode = Province });
        using var unknownUnit = await admin.CreateAgencyAsync(new { code = "QN.BAD", name = "Tên", kind = "Treasury", unitCode = "KHONGCO" });

        await ProblemAssert.HasErrorsExactlyAtAsync(missing, "name", "kind", "unitCode");
        await ProblemAssert.HasErrorsExactlyAtAsync(unknownKind, "kind");
        await ProblemAssert.HasErrorsExactlyAtAsync(unknownUnit, "unitCode");
    }

    [Fact]
    public async Task UpdateAgency_WhenRenamedAndKindChanged_JournalsOneUpdateWithBeforeAndAfter()
    {
        using var admin = await Admin();
        await admin.CreateAgencyAsync(new { code = "QN.VH", name = "Phòng Văn hóa", kind = "LeadAgency", unitCode = Province }).OkAsync(HttpStatusCode.Created);

        var updated = await admin.PutAsync("/api/admin/agencies/QN.VH", Http.JsonBody("""{ "name": "Sở Văn hóa", "kind": "StandingOffice" }""")).OkAsync();
        await admin.PutAsync("/api/admin/agencies/QN.VH", Http.JsonBody("""{ "name": "Sở Văn hóa, Thể thao", "kind": "StandingOffice" }""")).OkAsync();

        Assert.Equal("StandingOffice", (string?)updated["kind"]);
        var entries = await admin.JournalOfAsync("Agency", "QN.VH");
        Assert.Equal(["rename", "update", "create"], entries.Select(e => (string)e!["action"]!).ToArray());
        var before = JsonNode.Parse((string)entries[1]!["before"]!)!;
        var after = JsonNode.Parse((string)entries[1]!["after"]!)!;
        Assert.Equal(("Phòng Văn hóa", "LeadAgency"), ((string?)before["name"], (string?)before["kind"]));
        Assert.Equal(("Sở Văn hóa", "StandingOffice"), ((string?)after["name"], (string?)after["kind"]));
    }

    [Fact]
    public async Task UpdateAgency_WhenItLeadsPlanLinesAndTheKindCannotLead_Returns409()
    {
        using var admin = await Admin();

        using var response = await admin.PutAsync("/api/admin/agencies/BP.HQ.NN",
            Http.JsonBody("""{ "name": "Trung tâm Dịch vụ nông nghiệp huyện", "kind": "Treasury" }"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("agency.leads", (string?)problem["code"]);
    }

    [Fact]
    public async Task SetAssignments_WhenCommuneUsesTheProvinceTreasury_RecordsAllThreePartsAndJournalsThem()
    {
        using var admin = await Admin();

        var view = await admin.SetAssignmentsAsync(Commune, new { validFrom = "2025-07-01", appraiser = "QN.A.TCKH", approver = "QN.A.UBND", treasury = "QN.KBNN" }).OkAsync();

        var current = view["current"]!.AsArray().ToDictionary(a => (string)a!["part"]!, a => (string)a!["agencyCode"]!);
        Assert.Equal(new Dictionary<string, string> { ["Appraiser"] = "QN.A.TCKH", ["Approver"] = "QN.A.UBND", ["Treasury"] = "QN.KBNN" }, current);
        var read = await admin.GetAsync($"/api/admin/units/{Commune}/assignments").OkAsync();
        Assert.Equal(3, read["current"]!.AsArray().Count);
        var entry = (await admin.JournalOfAsync("Assignment", Commune))[^1]!;
        Assert.Equal("assign", (string?)entry["action"]);
        Assert.Null(entry["before"]);
        Assert.Contains("QN.KBNN", (string)entry["after"]!);

        // a later change of one part adds a row; the earlier one stays as history
        var changed = await admin.SetAssignmentsAsync(Commune, new { validFrom = "2025-09-01", appraiser = "QN.A.TCKH", approver = "QN.A.UBND", treasury = "QN.A.KBNN" }).OkAsync();
        var treasuryHistory = changed["history"]!.AsArray().Where(a => (string?)a!["part"] == "Treasury").Select(a => (string)a!["agencyCode"]!).ToArray();
        Assert.Equal(["QN.A.KBNN", "QN.KBNN"], treasuryHistory);
        var latest = (await admin.JournalOfAsync("Assignment", Commune))[0]!;
        Assert.Contains("QN.KBNN", (string)latest["before"]!);
        Assert.Contains("QN.A.KBNN", (string)latest["after"]!);
    }

    [Fact]
    public async Task SetAssignments_WhenAgenciesBelongElsewhereOrAreOfTheWrongKind_Returns400AtEachPartAndWritesNothing()
    {
        using var admin = await Admin();
        await admin.CreateUnitAsync(new { code = "QN.B", name = "Xã Bình", level = "Commune", parentCode = Province }).OkAsync(HttpStatusCode.Created);

        // the approver must be the commune's own; the appraiser must be a finance office; the treasury may not be another commune's
        using var response = await admin.SetAssignmentsAsync("QN.B", new { validFrom = "2025-07-01", appraiser = "QN.UBND", approver = "QN.UBND", treasury = "QN.A.KBNN" });

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "appraiser", "approver", "treasury");
        var read = await admin.GetAsync("/api/admin/units/QN.B/assignments").OkAsync();
        Assert.Empty(read["history"]!.AsArray());
        Assert.Empty(await admin.JournalOfAsync("Assignment", "QN.B"));
    }

    [Fact]
    public async Task SetAssignments_WhenPartsOrDayAreMissing_Returns400AtEachField()
    {
        using var admin = await Admin();

        using var response = await admin.SetAssignmentsAsync(Commune, new { appraiser = "QN.A.TCKH" });

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "validFrom", "approver", "treasury");
    }

    [Fact]
    public async Task SetAssignments_WhenBackdatedBeforeTheLatest_Returns409()
    {
        using var admin = await Admin();
        await admin.CreateUnitAsync(new { code = "QN.C", name = "Xã Cát", level = "Commune", parentCode = Province }).OkAsync(HttpStatusCode.Created);
        await admin.CreateAgencyAsync(new { code = "QN.C.TCKH", name = "Tài chính xã Cát", kind = "FinanceOffice", unitCode = "QN.C" }).OkAsync(HttpStatusCode.Created);
        await admin.CreateAgencyAsync(new { code = "QN.C.UBND", name = "UBND xã Cát", kind = "PeoplesCommittee", unitCode = "QN.C" }).OkAsync(HttpStatusCode.Created);
        await admin.SetAssignmentsAsync("QN.C", new { validFrom = "2025-08-01", appraiser = "QN.C.TCKH", approver = "QN.C.UBND", treasury = "QN.KBNN" }).OkAsync();

        using var response = await admin.SetAssignmentsAsync("QN.C", new { validFrom = "2025-07-15", appraiser = "QN.C.TCKH", approver = "QN.C.UBND", treasury = "QN.KBNN" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task UpdateAgency_WhenAssignedAPartNeedingItsKind_Returns409()
    {
        using var admin = await Admin();
        await admin.CreateUnitAsync(new { code = "QN.D", name = "Xã Đông", level = "Commune", parentCode = Province }).OkAsync(HttpStatusCode.Created);
        await admin.CreateAgencyAsync(new { code = "QN.D.TCKH", name = "Tài chính xã Đông", kind = "FinanceOffice", unitCode = "QN.D" }).OkAsync(HttpStatusCode.Created);
        await admin.CreateAgencyAsync(new { code = "QN.D.UBND", name = "UBND xã Đông", kind = "PeoplesCommittee", unitCode = "QN.D" }).OkAsync(HttpStatusCode.Created);
        await admin.SetAssignmentsAsync("QN.D", new { validFrom = "2025-07-01", appraiser = "QN.D.TCKH", approver = "QN.D.UBND", treasury = "QN.KBNN" }).OkAsync();

        using var response = await admin.PutAsync("/api/admin/agencies/QN.D.TCKH", Http.JsonBody("""{ "name": "Tài chính xã Đông", "kind": "LeadAgency" }"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("agency.assigned", (string?)problem["code"]);
    }
}
