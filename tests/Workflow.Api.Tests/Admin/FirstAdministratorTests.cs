using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Identity;

namespace Workflow.Api.Tests.Admin;

/// <summary>
/// A new office from nothing, as docs/operations.md tells an operator: on a fresh Production database, <c>create-admin</c>
/// makes the first national administrator; through the API alone they set up a province, a commune, its agencies and one
/// user per role; those users replace their one-time passwords, and the commune's finance officer imports its plan.
/// </summary>
public sealed class FirstAdministratorTests : IDisposable
{
    private const string AdminPassword = "mật khẩu quản trị quốc gia 2026";
    private readonly TestDatabase _database = TestDatabase.Create("first-admin");

    public void Dispose() => _database.Dispose();

    private Task<ApiProcess.Outcome> CreateAdminAsync(string userName, string? passwordVariable, string input = "") =>
        ApiProcess.RunWithInputAsync(_database.Environment(("ASPNETCORE_ENVIRONMENT", "Production"), ("WORKFLOW_ADMIN_PASSWORD", passwordVariable ?? "")),
            input, "create-admin", userName);

    [Theory]
    [InlineData("ngắn")]
    [InlineData("password1234")]
    public async Task CreateAdmin_WhenThePasswordIsWeak_RefusesWithTheReasonAndExit2(string weak)
    {
        var outcome = await CreateAdminAsync("quantri", weak);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Mật khẩu bị từ chối", outcome.Errors);
    }

    [Fact]
    public async Task CreateAdmin_WhenThePasswordComesOnStandardInput_Creates()
    {
        var outcome = await CreateAdminAsync("quantri.stdin", null, AdminPassword + "\n");

        Assert.True(outcome.ExitCode == 0, outcome.Errors + outcome.Output);
        Assert.Contains("quantri.stdin", outcome.Output);
    }

    [Fact]
    public async Task CreateAdmin_ThenTheApiAlone_SetsUpACommuneWhoseFinanceOfficerImportsItsPlan()
    {
        var created = await CreateAdminAsync("quantri", AdminPassword);
        Assert.True(created.ExitCode == 0, created.Errors + created.Output);
        var again = await CreateAdminAsync("quantri", AdminPassword);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("đã có", again.Errors);

        using var factory = new ProductionFactory(_database);
        using var anonymous = factory.CreateClient();
        using var admin = factory.WithToken(await anonymous.TokenAsync("quantri", AdminPassword));

        await Post(admin, "/api/admin/units", new { code = "HT", name = "Tỉnh Hà Tĩnh", level = "Province", parentCode = "VN" });
        await Post(admin, "/api/admin/units", new { code = "HT.CX", name = "Xã Cẩm Xuyên", level = "Commune", kind = "Commune", parentCode = "HT" });
        await Post(admin, "/api/admin/agencies", new { code = "HT.CX.NN", name = "Trung tâm Dịch vụ nông nghiệp xã Cẩm Xuyên", kind = "LeadAgency", unitCode = "HT.CX" });
        await Post(admin, "/api/admin/agencies", new { code = "HT.CX.KT", name = "Phòng Kinh tế xã Cẩm Xuyên", kind = "FinanceOffice", unitCode = "HT.CX" });
        await Post(admin, "/api/admin/agencies", new { code = "HT.CX.UBND", name = "UBND xã Cẩm Xuyên", kind = "PeoplesCommittee", unitCode = "HT.CX" });
        await Post(admin, "/api/admin/agencies", new { code = "HT.KBKV", name = "Kho bạc Nhà nước khu vực", kind = "Treasury", unitCode = "HT" });
        using (var parts = await admin.PutAsJsonAsync("/api/admin/units/HT.CX/assignments", new { validFrom = "2026-01-01", appraiser = "HT.CX.KT", approver = "HT.CX.UBND", treasury = "HT.KBKV" }))
            await parts.ExpectAsync(HttpStatusCode.OK);

        var people = new (string UserName, string Agency, string Role)[]
        {
            ("cx.nongnghiep", "HT.CX.NN", Roles.LeadAgency), ("cx.kinhte", "HT.CX.KT", Roles.FinanceOffice), ("cx.chutich", "HT.CX.UBND", Roles.Approver),
            ("kbkv.hatinh", "HT.KBKV", Roles.Treasury), ("cx.giamsat", "HT.CX.UBND", Roles.Monitor),
        };
        var tokens = new Dictionary<string, string>();
        foreach (var (userName, agency, role) in people)
        {
            var user = await Post(admin, "/api/admin/users", new { userName, displayName = $"Cán bộ {userName}", position = "Công chức", agencyCode = agency, roles = new[] { role } });
            var oneTime = (string)user["oneTimePassword"]!;
            var first = await (await anonymous.SignInAsync(userName, oneTime)).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("change-password", (string?)first!["restriction"]);
            using var restricted = factory.WithToken((string)first["accessToken"]!);
            using var changed = await restricted.PostAsJsonAsync("/api/auth/password", new { currentPassword = oneTime, newPassword = $"mật khẩu riêng của {userName}" });
            tokens[userName] = (string)(await changed.ExpectAsync(HttpStatusCode.OK))!["accessToken"]!;
        }

        // from 2026 a plan waits for its province's policy for the year (RULES.md 5)
        using var finance = factory.WithToken(tokens["cx.kinhte"]);
        using (var early = await finance.ImportAsync(CommunePlan()))
            await ProblemAssert.HasErrorsExactlyAtAsync(early, "fiscalYear");
        var values = Policies.PolicyApi.Values();
        values["minimumLocalRate"] = Policies.PolicyApi.Value(0.10m, "Nghị quyết của HĐND tỉnh Hà Tĩnh");
        values["counterpartRates"] = new JsonObject { ["value"] = new JsonObject { ["Provincial"] = 0.05m, ["Commune"] = 0.05m }, ["basis"] = "Nghị quyết của HĐND tỉnh Hà Tĩnh" };
        await Post(admin, "/api/admin/policies", Policies.PolicyApi.Version("HT", 2026, "2026-01-01", values));

        using var import = await finance.ImportAsync(CommunePlan());

        var plan = await import.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("HT.CX", (string?)plan!["unitCode"]);
        using var clerk = factory.WithToken(tokens["cx.nongnghiep"]);
        using var read = await clerk.GetAsync($"/api/plans/{(string)plan["id"]!}");
        await read.ExpectAsync(HttpStatusCode.OK);

        // the district history of 2022–2025 still imports as published, unit chain and agencies from the file
        using var history = await admin.ImportAsync(PlanFixture.Text);
        Assert.Equal("BP.HQ", (string?)(await history.ExpectAsync(HttpStatusCode.Created))!["unitCode"]);
    }

    private static async Task<JsonNode> Post(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        return (await response.ExpectAsync(HttpStatusCode.Created))!;
    }

    private static JsonObject CommunePlan() => new()
    {
        ["fiscalYear"] = 2026,
        ["unit"] = new JsonObject
        {
            ["code"] = "HT.CX", ["name"] = "Xã Cẩm Xuyên", ["level"] = "Commune",
            ["parent"] = new JsonObject { ["code"] = "HT", ["name"] = "Tỉnh Hà Tĩnh", ["level"] = "Province" },
        },
        ["decision"] = new JsonObject { ["number"] = "12/QĐ-UBND", ["date"] = "2026-02-10", ["issuer"] = "UBND xã Cẩm Xuyên", ["title"] = "Kế hoạch vốn năm 2026", ["basis"] = null },
        ["counterpart"] = new JsonObject
        {
            ["minimumLocalRate"] = 0.1, ["rates"] = new JsonObject { ["Provincial"] = 0.05, ["Commune"] = 0.05 }, ["roundingUnit"] = 1_000_000,
        },
        ["lines"] = new JsonArray(new JsonObject
        {
            ["component"] = "DA2", ["leadAgency"] = "Trung tâm Dịch vụ nông nghiệp xã Cẩm Xuyên",
            ["amounts"] = new JsonObject { ["Central"] = 1_000_000_000L, ["Provincial"] = 50_000_000L, ["Commune"] = 50_000_000L },
        }),
        ["totals"] = new JsonObject { ["Central"] = 1_000_000_000L, ["Provincial"] = 50_000_000L, ["Commune"] = 50_000_000L },
    };

    /// <summary>The API in Production on the database create-admin made: no demo data.</summary>
    private sealed class ProductionFactory(TestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in database.Settings) builder.UseSetting(key, value);
            builder.UseSetting("Auth:Jwt:SigningKey", WorkflowApiFactory.SigningKey);
            builder.UseSetting("Audit:JournalKey", WorkflowApiFactory.JournalKey);
            builder.UseSetting("Auth:SignInPermitsPerMinute", "100000");
        }
    }
}
