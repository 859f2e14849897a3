using Workflow.Infrastructure.Identity;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Domain.Catalog;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests;

/// <summary>
/// Who sees which plans: a unit's own and those below it; an administrator, all. Ids a caller may not see answer 404,
/// like unknown ids. The Long Xuyên plan is imported by the administrator through the API; the Long Xuyên finance officer
/// is stored directly, because the API has no way to create users.
/// </summary>
public class PlanScopingTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>, IAsyncLifetime
{
    private const string OtherUnitUser = "taichinh.longxuyen";
    private Guid _longXuyenPlan;

    public async Task InitializeAsync()
    {
        using var admin = await factory.ClientFor("admin");
        _longXuyenPlan = await admin.FindPlanIdAsync("AG.LX", 2024) ?? await ImportLongXuyenAsync(admin);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        if (!db.Users.Any(u => u.UserName == OtherUnitUser))
        {
            if (await db.Agencies.FindAsync("AG.LX.TCKH") is null)
                db.Agencies.Add(new Agency("AG.LX.TCKH", "Phòng Tài chính - Kế hoạch thành phố", AgencyKind.FinanceOffice, "AG.LX"));
            var user = new User(Guid.NewGuid(), OtherUnitUser, "Cán bộ Phòng TC-KH Long Xuyên", "", "AG.LX.TCKH", "AG.LX", [Roles.FinanceOffice]);
            user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>().HashPassword(user, WorkflowApiFactory.Password);
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<Guid> ImportLongXuyenAsync(HttpClient admin)
    {
        var plan = PlanFixture.Load();
        plan["unit"] = JsonNode.Parse("""{ "code": "AG.LX", "name": "Thành phố Long Xuyên", "level": "District", "parent": { "code": "AG", "name": "Tỉnh An Giang", "level": "Province" } }""");
        using var response = await admin.ImportAsync(plan);
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        return Guid.Parse((string)created!["id"]!);
    }

    [Fact]
    public async Task ListPlans_WhenAdmin_SeesPlansOfEveryUnit()
    {
        using var admin = await factory.ClientFor("admin");

        var plans = await admin.GetPlansAsync("?year=2024");

        Assert.Contains(plans, p => (string?)p!["unitCode"] == "BP.HQ");
        Assert.Contains(plans, p => (string?)p!["unitCode"] == "AG.LX");
    }

    [Fact]
    public async Task ListPlans_WhenUserOfHonQuan_DoesNotListOtherUnitsPlans()
    {
        using var client = await factory.ClientFor("taichinh");

        var plans = await client.GetPlansAsync();

        Assert.DoesNotContain(plans, p => (string?)p!["unitCode"] == "AG.LX");
        Assert.Empty(await client.GetPlansAsync("?unit=AG.LX"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/export")]
    [InlineData("/revisions")]
    [InlineData("/revisions/1")]
    public async Task GetPlan_WhenPlanBelongsToAnotherUnit_Returns404LikeAnUnknownId(string suffix)
    {
        using var client = await factory.ClientFor("taichinh");

        using var response = await client.GetAsync($"/api/plans/{_longXuyenPlan}{suffix}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revise_WhenPlanBelongsToAnotherUnit_Returns404()
    {
        using var client = await factory.ClientFor("taichinh");

        using var response = await client.ReviseAsync(_longXuyenPlan, PlanFixture.Load());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetPlan_WhenUserOfAnotherUnitAsksForHonQuanPlan_Returns404()
    {
        using var honQuan = await factory.ClientFor("taichinh");
        var honQuanPlan = await honQuan.SeededPlanIdAsync();
        using var client = await factory.ClientFor(OtherUnitUser);

        using var response = await client.GetAsync($"/api/plans/{honQuanPlan}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        var visible = await client.GetPlansAsync();
        Assert.DoesNotContain(visible, p => (string?)p!["unitCode"] == "BP.HQ");
        Assert.Contains(visible, p => (string?)p!["unitCode"] == "AG.LX");
    }

    [Fact]
    public async Task GetPlan_WhenAdmin_CanReadAnyUnitsPlan()
    {
        using var admin = await factory.ClientFor("admin");

        var plan = await admin.GetPlanAsync(_longXuyenPlan);

        Assert.Equal("AG.LX", (string?)plan["unit"]!["code"]);
        Assert.Equal("Trung tâm Dịch vụ nông nghiệp huyện", (string?)plan["lines"]![0]!["leadAgencyName"]);
    }

    [Fact]
    public async Task PlansAndProposals_WhenAProvinceAdministrator_SeesTheProvincesAndNotAnotherProvincesLikeUnknownIds()
    {
        using var province = await factory.ClientFor("dn.quantri");
        var seeded = await (await factory.ClientFor("taichinh")).SeededPlanIdAsync();

        var units = (await province.GetPlansAsync()).Select(p => (string?)p!["unitCode"]).Distinct().ToList();
        using var other = await province.GetAsync($"/api/plans/{seeded}");
        using var otherLongXuyen = await province.GetAsync($"/api/plans/{_longXuyenPlan}");

        Assert.Contains("DN.TK", units);
        Assert.All(units, u => Assert.StartsWith("DN", u));
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(otherLongXuyen, HttpStatusCode.NotFound);
        using var import = await province.ImportAsync(PlanFixture.ForYear(2023));
        await ProblemAssert.IsProblemAsync(import, HttpStatusCode.Forbidden);
    }
}
