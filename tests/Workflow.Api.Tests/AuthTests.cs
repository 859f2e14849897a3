using System.Net;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests;

public class AuthTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task ListPlans_WhenNoToken_Returns401ProblemDetails()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/plans");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ListPlans_WhenTokenIsForged_Returns401()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        using var response = await client.GetAsync("/api/plans");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_WhenPasswordIsWrong_Returns401ProblemDetails()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostTokenAsync(new { userName = "taichinh", password = "wrong-password" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_WhenUserIsUnknown_Returns401LikeAWrongPassword()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostTokenAsync(new { userName = "nobody", password = WorkflowApiFactory.Password });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_WhenUserNameIsMissing_Returns400AtUserName()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostTokenAsync(new { password = WorkflowApiFactory.Password });

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "userName");
    }

    [Fact]
    public async Task Token_WhenCredentialsAreRight_ReturnsBearerTokenThatIdentifiesTheUser()
    {
        using var anonymous = factory.CreateClient();
        using var tokenResponse = await anonymous.PostTokenAsync(new { userName = "TaiChinh", password = WorkflowApiFactory.Password });
        var token = await tokenResponse.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Bearer", (string?)token!["tokenType"]);

        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (string)token["accessToken"]!);
        using var meResponse = await client.GetAsync("/api/auth/me");

        var me = await meResponse.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("taichinh", (string?)me!["userName"]);
        Assert.Equal("BP.HQ", (string?)me["unitCode"]);
        Assert.Equal("BP.HQ.TCKH", (string?)me["agencyCode"]);
        Assert.Equal(["FinanceOffice"], me["roles"]!.AsArray().Select(r => (string)r!).ToArray());
    }
}
