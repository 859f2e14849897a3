using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Domain.Identity;

namespace Workflow.Api.Tests.Admin;

/// <summary>Users administered through the API: one-time passwords, sessions that end, scope, the journal, and administration that cannot be locked out.</summary>
public sealed class AdminUserTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static object NewUser(string userName, string agency = "BP.HQ.TCKH", params string[] roles) => new
    {
        userName, displayName = "Trần Thị Bình", position = "Phó Trưởng phòng", agencyCode = agency,
        roles = roles.Length == 0 ? new[] { Roles.FinanceOffice } : roles,
    };

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..16];

    private async Task<(Guid Id, string OneTimePassword)> CreateAsync(HttpClient admin, object body)
    {
        var created = await admin.PostAsJsonAsync("/api/admin/users", body).OkAsync(HttpStatusCode.Created);
        return (Guid.Parse((string)created["user"]!["id"]!), (string)created["oneTimePassword"]!);
    }

    [Fact]
    public async Task Create_WhenSignedInWithTheOneTimePassword_MustChangeItAndThenWorks()
    {
        using var admin = await factory.ClientFor("admin");
        var name = Unique("tc.");
        var (_, oneTime) = await CreateAsync(admin, NewUser(name));
        using var anonymous = factory.CreateClient();

        var first = await anonymous.SignInAsync(name, oneTime).OkAsync();
        Assert.Equal("change-password", (string?)first["restriction"]);
        using var restricted = factory.WithToken((string)first["accessToken"]!);
        using (var plans = await restricted.GetAsync("/api/plans")) await ProblemAssert.IsProblemAsync(plans, HttpStatusCode.Forbidden);
        var changed = await restricted.PostAsJsonAsync("/api/auth/password", new { currentPassword = oneTime, newPassword = "ruộng lúa chín vàng 2026" }).OkAsync();

        using var officer = factory.WithToken((string)changed["accessToken"]!);
        var me = await officer.GetAsync("/api/auth/me").OkAsync();
        Assert.Equal("Trần Thị Bình (Phó Trưởng phòng)", (string?)me["displayName"]);
        await officer.GetAsync("/api/plans").OkAsync();
    }

    [Fact]
    public async Task Disable_WhenTheUserHoldsAToken_TheirNextRequestIs401AndEnableLetsThemBackIn()
    {
        using var admin = await factory.ClientFor("admin");
        var name = Unique("tc.");
        var (id, oneTime) = await CreateAsync(admin, NewUser(name));
        using var anonymous = factory.CreateClient();
        var token = (string)(await anonymous.SignInAsync(name, oneTime).OkAsync())["accessToken"]!;
        var changed = await factory.WithToken(token).PostAsJsonAsync("/api/auth/password", new { currentPassword = oneTime, newPassword = "ruộng lúa chín vàng 2026" }).OkAsync();
        using var user = factory.WithToken((string)changed["accessToken"]!);
        await user.GetAsync("/api/plans").OkAsync();

        await admin.PostAsync($"/api/admin/users/{id}/disable", null).OkAsync();

        using (var refused = await user.GetAsync("/api/plans")) Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using (var signIn = await anonymous.SignInAsync(name, "ruộng lúa chín vàng 2026")) await ProblemAssert.IsProblemAsync(signIn, HttpStatusCode.Unauthorized);
        await admin.PostAsync($"/api/admin/users/{id}/enable", null).OkAsync();
        await anonymous.SignInAsync(name, "ruộng lúa chín vàng 2026").OkAsync();
    }

    [Fact]
    public async Task Update_WhenTheRolesChange_TheUsersOldTokenEnds()
    {
        using var admin = await factory.ClientFor("admin");
        var name = Unique("tc.");
        var (id, oneTime) = await CreateAsync(admin, NewUser(name));
        using var anonymous = factory.CreateClient();
        var first = (string)(await anonymous.SignInAsync(name, oneTime).OkAsync())["accessToken"]!;
        var changed = await factory.WithToken(first).PostAsJsonAsync("/api/auth/password", new { currentPassword = oneTime, newPassword = "ruộng lúa chín vàng 2026" }).OkAsync();
        using var user = factory.WithToken((string)changed["accessToken"]!);

        var updated = await admin.PutAsJsonAsync($"/api/admin/users/{id}",
            new { displayName = "Trần Thị Bình", position = "Trưởng phòng", agencyCode = "BP.HQ.TCKH", roles = new[] { Roles.FinanceOffice, Roles.Monitor } }).OkAsync();

        Assert.Equal([Roles.FinanceOffice, Roles.Monitor], updated["roles"]!.AsArray().Select(r => (string)r!));
        using var refused = await user.GetAsync("/api/plans");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_WhenTheUserIsLockedOut_GivesAOneTimePasswordThatSignsIn()
    {
        using var admin = await factory.ClientFor("admin");
        var name = Unique("tc.");
        var (id, _) = await CreateAsync(admin, NewUser(name));
        using var anonymous = factory.CreateClient();
        for (var i = 0; i < 5; i++) (await anonymous.SignInAsync(name, "sai mật khẩu")).Dispose();

        var reset = await admin.PostAsync($"/api/admin/users/{id}/reset-password", null).OkAsync();

        var signedIn = await anonymous.SignInAsync(name, (string)reset["oneTimePassword"]!).OkAsync();
        Assert.Equal("change-password", (string?)signedIn["restriction"]);
        var journal = await admin.JournalOfAsync("User", id.ToString());
        Assert.Equal(["reset-password", "create"], journal.Select(e => (string)e!["action"]!));
        Assert.DoesNotContain((string)reset["oneTimePassword"]!, journal.ToJsonString());
    }

    [Fact]
    public async Task List_WhenFilteredByUserName_GivesTheId()
    {
        using var admin = await factory.ClientFor("admin");
        var name = Unique("tc.");
        var (id, _) = await CreateAsync(admin, NewUser(name));

        var page = await admin.GetAsync($"/api/admin/users?userName={name}").OkAsync();

        var only = Assert.Single(page["items"]!.AsArray());
        Assert.Equal(id.ToString(), (string?)only!["id"]);
        Assert.True((bool)only["mustChangePassword"]!);
    }

    [Fact]
    public async Task Create_WhenTheUserNameIsTaken_Returns409AtUserName()
    {
        using var admin = await factory.ClientFor("admin");

        using var response = await admin.PostAsJsonAsync("/api/admin/users", NewUser("taichinh"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("user.duplicate", (string?)problem["code"]);
    }

    [Fact]
    public async Task Create_WhenTheInputIsBad_Returns400AtEachFieldAndCreatesNothing()
    {
        using var admin = await factory.ClientFor("admin");

        using var response = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "Nguyễn A", displayName = "x\n", agencyCode = "BP.HQ.TCKH", roles = new[] { "Chairman" } });

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "userName", "displayName", "roles[0]");
    }

    [Fact]
    public async Task Create_WhenTheAgencyIsUnknown_Returns400AtAgencyCode()
    {
        using var admin = await factory.ClientFor("admin");

        using var response = await admin.PostAsJsonAsync("/api/admin/users", NewUser(Unique("tc."), "KHONG.CO"));

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "agencyCode");
    }

    [Fact]
    public async Task Users_WhenTheCallerIsNotAnAdministrator_Returns403()
    {
        using var finance = await factory.ClientFor("taichinh");

        using var response = await finance.GetAsync("/api/admin/users");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Users_WhenAProvinceAdministratorLooksAtAnotherProvince_TheirUsersAre404AndUnlisted()
    {
        using var national = await factory.ClientFor("admin");
        await national.CreateAgencyAsync(new { code = "AG.QTHT", name = "Bộ phận quản trị hệ thống tỉnh An Giang", kind = "Administration", unitCode = "AG" }).OkAsync(HttpStatusCode.Created);
        await AdminApi.AddUserAsync(factory, "quantri.ag", "AG.QTHT", "AG", Roles.Admin);
        var (hqUser, _) = await CreateAsync(national, NewUser(Unique("tc.")));
        using var provincial = await factory.ClientFor("quantri.ag");

        using (var disable = await provincial.PostAsync($"/api/admin/users/{hqUser}/disable", null))
            await ProblemAssert.IsProblemAsync(disable, HttpStatusCode.NotFound);
        using (var reset = await provincial.PostAsync($"/api/admin/users/{hqUser}/reset-password", null))
            await ProblemAssert.IsProblemAsync(reset, HttpStatusCode.NotFound);
        var listed = await provincial.GetAsync("/api/admin/users").OkAsync();
        Assert.All(listed["items"]!.AsArray(), u => Assert.StartsWith("AG", (string)u!["unitCode"]!));
        using (var create = await provincial.PostAsJsonAsync("/api/admin/users", NewUser(Unique("tc."), "BP.HQ.TCKH")))
            await ProblemAssert.HasErrorsExactlyAtAsync(create, "agencyCode");
    }

    [Fact]
    public async Task Disable_WhenAnAdministratorDisablesThemselves_Returns409AndStaysActive()
    {
        using var admin = await factory.ClientFor("admin");
        var me = await admin.GetAsync("/api/auth/me").OkAsync();

        using var response = await admin.PostAsync($"/api/admin/users/{(string)me["id"]!}/disable", null);

        Assert.Equal("user.selfLockout", (string?)(await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict))["code"]);
        await admin.GetAsync("/api/plans").OkAsync();
    }

    [Fact]
    public async Task Update_WhenItWouldRemoveTheLastNationalAdministrator_Returns409()
    {
        using var admin = await factory.ClientFor("admin");
        var second = Unique("qt.");
        var (secondId, oneTime) = await CreateAsync(admin, NewUser(second, "VN.QTHT", Roles.Admin));
        using var anonymous = factory.CreateClient();
        var token = (string)(await anonymous.SignInAsync(second, oneTime).OkAsync())["accessToken"]!;
        var changed = await factory.WithToken(token).PostAsJsonAsync("/api/auth/password", new { currentPassword = oneTime, newPassword = "quản trị viên thứ hai 2026" }).OkAsync();
        using var secondAdmin = factory.WithToken((string)changed["accessToken"]!);
        var adminId = (string)(await admin.GetAsync("/api/auth/me").OkAsync())["id"]!;

        // the second administrator disables the first: allowed, one national administrator remains
        await secondAdmin.PostAsync($"/api/admin/users/{adminId}/disable", null).OkAsync();
        try
        {
            // …and may not take the Admin role off themselves, the last one
            using var demote = await secondAdmin.PutAsJsonAsync($"/api/admin/users/{secondId}",
                new { displayName = "Quản trị 2", position = "", agencyCode = "VN.QTHT", roles = new[] { Roles.Monitor } });
            await ProblemAssert.IsProblemAsync(demote, HttpStatusCode.Conflict);
        }
        finally
        {
            await secondAdmin.PostAsync($"/api/admin/users/{adminId}/enable", null).OkAsync();
        }
    }

    [Fact]
    public async Task TwoFactorRoles_WhenSetByANationalAdministrator_AreJournaledAndRead()
    {
        using var admin = await factory.ClientFor("admin");

        var set = await admin.PutAsJsonAsync("/api/admin/two-factor-roles", new { roles = new[] { Roles.Treasury } }).OkAsync();
        try
        {
            Assert.Equal([Roles.Treasury], set["roles"]!.AsArray().Select(r => (string)r!));
            var journal = await admin.JournalOfAsync("TwoFactorRoles", "two-factor-roles");
            Assert.Equal("update", (string?)journal[0]!["action"]);
        }
        finally
        {
            await admin.PutAsJsonAsync("/api/admin/two-factor-roles", new { roles = Array.Empty<string>() }).OkAsync();
        }
    }
}
