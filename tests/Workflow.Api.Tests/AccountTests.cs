using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Identity;

namespace Workflow.Api.Tests;

/// <summary>Accounts as ASP.NET Core Identity keeps them: lockout, sessions that follow the store, password change, a second factor.</summary>
public sealed class AccountTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Token_WhenFiveWrongPasswordsInARow_TheSixthAttemptIsRefusedEvenWithTheRightPassword()
    {
        var user = await Accounts.CreateAsync(factory);
        using var client = factory.CreateClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.SignInAsync(user.UserName!, "không phải mật khẩu này");
            Assert.Equal("auth.invalid", (string?)(await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized))["code"]);
        }
        using (var fifth = await client.SignInAsync(user.UserName!, "không phải mật khẩu này"))
            Assert.Equal("auth.lockedOut", (string?)(await ProblemAssert.IsProblemAsync(fifth, HttpStatusCode.Unauthorized))["code"]);

        using var right = await client.SignInAsync(user.UserName!, Accounts.Password);

        var problem = await ProblemAssert.IsProblemAsync(right, HttpStatusCode.Unauthorized);
        Assert.Equal("auth.lockedOut", (string?)problem["code"]);
        Assert.InRange((int)problem["minutesLeft"]!, 14, 15);
        Assert.Contains("phút", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Token_WhenTheLockHasEnded_TheRightPasswordSignsIn()
    {
        var user = await Accounts.CreateAsync(factory);
        using var client = factory.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++) (await client.SignInAsync(user.UserName!, "sai")).Dispose();
        // the fifteen minutes pass
        await factory.DbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1))));

        using var response = await client.SignInAsync(user.UserName!, Accounts.Password);

        await response.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_WhenAWrongPasswordIsFollowedByTheRightOne_TheCountStartsAgain()
    {
        var user = await Accounts.CreateAsync(factory);
        using var client = factory.CreateClient();
        for (var attempt = 1; attempt <= 4; attempt++) (await client.SignInAsync(user.UserName!, "sai")).Dispose();
        await client.TokenAsync(user.UserName!);

        for (var attempt = 1; attempt <= 4; attempt++) (await client.SignInAsync(user.UserName!, "sai")).Dispose();

        await client.TokenAsync(user.UserName!);
    }

    [Fact]
    public async Task AnyRequest_WhenTheUserIsDisabledInTheStore_IsRefusedOnTheNextRequestAfterTheCache()
    {
        var user = await Accounts.CreateAsync(factory);
        using var anonymous = factory.CreateClient();
        using var client = factory.WithToken(await anonymous.TokenAsync(user.UserName!));
        using (var before = await client.GetAsync("/api/plans")) await before.ExpectAsync(HttpStatusCode.OK);

        // disabled behind the application's back: the stamp changes with it, as an administrator's action does
        await factory.DbAsync(db => db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false).SetProperty(x => x.SecurityStamp, Guid.NewGuid().ToString("N"))));
        factory.Services.GetRequiredService<Workflow.Api.Auth.SessionValidator>().Forget(user.Id);

        using var after = await client.GetAsync("/api/plans");

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task AnyRequest_WhenTheTokenNamesAUserThatDoesNotExist_Returns401()
    {
        var handler = new JwtSecurityTokenHandler();
        var token = handler.WriteToken(new JwtSecurityToken("workflow", "workflow",
            [
                new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Name, "ma"),
                new Claim("agency", "BP.HQ.TCKH"), new Claim("unit", "BP.HQ"), new Claim("stamp", "x"), new Claim(ClaimTypes.Role, Roles.Admin),
            ],
            expires: DateTime.UtcNow.AddHours(1),
            signingCredentials: new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(WorkflowApiFactory.SigningKey)), SecurityAlgorithms.HmacSha256)));
        using var client = factory.WithToken(token);

        using var response = await client.GetAsync("/api/plans");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WhenDone_TheOldTokenEndsAndTheNewPasswordSignsIn()
    {
        var user = await Accounts.CreateAsync(factory);
        using var anonymous = factory.CreateClient();
        using var client = factory.WithToken(await anonymous.TokenAsync(user.UserName!));

        using var change = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = Accounts.Password, newPassword = "mật khẩu mới của tôi 2026" });

        var fresh = await change.ExpectAsync(HttpStatusCode.OK);
        using (var old = await client.GetAsync("/api/plans")) Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        using (var withNew = factory.WithToken((string)fresh!["accessToken"]!))
        using (var read = await withNew.GetAsync("/api/plans")) await read.ExpectAsync(HttpStatusCode.OK);
        await anonymous.TokenAsync(user.UserName!, "mật khẩu mới của tôi 2026");
    }

    [Theory]
    [InlineData("ngắn quá", "newPassword")]
    [InlineData("password1234", "newPassword")]
    [InlineData("aaaaaaaaaaaaaaaa", "newPassword")]
    public async Task ChangePassword_WhenTheNewPasswordIsWeak_Returns400AtNewPassword(string weak, string path)
    {
        var user = await Accounts.CreateAsync(factory);
        using var anonymous = factory.CreateClient();
        using var client = factory.WithToken(await anonymous.TokenAsync(user.UserName!));

        using var response = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = Accounts.Password, newPassword = weak });

        await ProblemAssert.HasErrorsExactlyAtAsync(response, path);
        await anonymous.TokenAsync(user.UserName!); // nothing changed
    }

    [Fact]
    public async Task ChangePassword_WhenTheCurrentPasswordIsWrong_Returns400AtCurrentPassword()
    {
        var user = await Accounts.CreateAsync(factory);
        using var anonymous = factory.CreateClient();
        using var client = factory.WithToken(await anonymous.TokenAsync(user.UserName!));

        using var response = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "không đúng", newPassword = "mật khẩu mới của tôi 2026" });

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "currentPassword");
    }

    [Fact]
    public async Task Token_WhenTheUserMustChangeAOneTimePassword_TheSessionReachesOnlyTheAccount()
    {
        var user = await Accounts.CreateAsync(factory);
        await factory.DbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, true)));
        using var anonymous = factory.CreateClient();
        using var signIn = await anonymous.SignInAsync(user.UserName!, Accounts.Password);
        var body = await signIn.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("change-password", (string?)body!["restriction"]);
        using var client = factory.WithToken((string)body["accessToken"]!);

        using (var plans = await client.GetAsync("/api/plans"))
            Assert.Equal("auth.passwordChangeRequired", (string?)(await ProblemAssert.IsProblemAsync(plans, HttpStatusCode.Forbidden))["code"]);
        using var change = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = Accounts.Password, newPassword = "mật khẩu riêng của tôi 2026" });

        var fresh = await change.ExpectAsync(HttpStatusCode.OK);
        Assert.Null((string?)fresh!["restriction"]);
        using var free = factory.WithToken((string)fresh["accessToken"]!);
        using var read = await free.GetAsync("/api/plans");
        await read.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TwoFactor_WhenEnabled_SignInNeedsTheAuthenticatorCode()
    {
        var user = await Accounts.CreateAsync(factory);
        using var anonymous = factory.CreateClient();
        using var client = factory.WithToken(await anonymous.TokenAsync(user.UserName!));
        var status = await (await client.GetAsync("/api/auth/two-factor")).ExpectAsync(HttpStatusCode.OK);
        var key = (string)status!["sharedKey"]!;
        Assert.StartsWith("otpauth://totp/", (string?)status["authenticatorUri"]);

        using (var wrong = await client.PostAsJsonAsync("/api/auth/two-factor", new { code = "000000" == Accounts.Totp(key, DateTimeOffset.UtcNow) ? "111111" : "000000" }))
            await ProblemAssert.HasErrorsExactlyAtAsync(wrong, "code");
        using (var enable = await client.PostAsJsonAsync("/api/auth/two-factor", new { code = Accounts.Totp(key, DateTimeOffset.UtcNow) }))
            await enable.ExpectAsync(HttpStatusCode.OK);

        using (var withoutCode = await anonymous.SignInAsync(user.UserName!, Accounts.Password))
            Assert.Equal("auth.twoFactorRequired", (string?)(await ProblemAssert.IsProblemAsync(withoutCode, HttpStatusCode.Unauthorized))["code"]);
        await anonymous.TokenAsync(user.UserName!, Accounts.Password, Accounts.Totp(key, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Token_WhenARoleRequiresTwoFactorAndTheUserHasNone_TheSessionMayOnlySetItUp()
    {
        var user = await Accounts.CreateAsync(factory, roles: [Roles.Approver], agency: "BP.HQ.UBND");
        await factory.DbAsync(async db =>
        {
            if (!await db.TwoFactorRoles.AnyAsync(r => r.Role == Roles.Approver)) db.TwoFactorRoles.Add(new TwoFactorRole(Roles.Approver));
            return await db.SaveChangesAsync();
        });
        try
        {
            using var anonymous = factory.CreateClient();
            using var signIn = await anonymous.SignInAsync(user.UserName!, Accounts.Password);
            var body = await signIn.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("enrol-two-factor", (string?)body!["restriction"]);
            using var client = factory.WithToken((string)body["accessToken"]!);
            using (var tasks = await client.GetAsync("/api/tasks"))
                Assert.Equal("auth.twoFactorSetupRequired", (string?)(await ProblemAssert.IsProblemAsync(tasks, HttpStatusCode.Forbidden))["code"]);

            var key = (string)(await (await client.GetAsync("/api/auth/two-factor")).ExpectAsync(HttpStatusCode.OK))!["sharedKey"]!;
            using var enable = await client.PostAsJsonAsync("/api/auth/two-factor", new { code = Accounts.Totp(key, DateTimeOffset.UtcNow) });

            var fresh = await enable.ExpectAsync(HttpStatusCode.OK);
            Assert.Null((string?)fresh!["restriction"]);
            using var approver = factory.WithToken((string)fresh["accessToken"]!);
            using var inbox = await approver.GetAsync("/api/tasks");
            await inbox.ExpectAsync(HttpStatusCode.OK);
        }
        finally
        {
            await factory.DbAsync(db => db.TwoFactorRoles.Where(r => r.Role == Roles.Approver).ExecuteDeleteAsync());
        }
    }
}

/// <summary>The sign-in limit per client address, with a limit low enough to meet.</summary>
public sealed class SignInRateLimitTests(SignInRateLimitTests.LowLimitFactory factory) : IClassFixture<SignInRateLimitTests.LowLimitFactory>
{
    public sealed class LowLimitFactory : WorkflowApiFactory
    {
        public LowLimitFactory() => Settings["Auth:SignInPermitsPerMinute"] = "3";
    }

    [Fact]
    public async Task Token_WhenAnAddressExceedsTheLimit_Returns429WithRetryAfter()
    {
        using var client = factory.CreateClient();
        for (var i = 0; i < 3; i++) (await client.SignInAsync("taichinh", "sai")).Dispose();

        using var response = await client.SignInAsync("taichinh", WorkflowApiFactory.Password);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.Equal("auth.rateLimited", (string?)problem["code"]);
        Assert.True(response.Headers.RetryAfter is not null, "No Retry-After header.");
        Assert.Contains("thử lại sau", (string?)problem["detail"]);
    }
}
