using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests;

/// <summary>The web pages answer a bad form and an unknown address with the Vietnamese error page, never an empty body.</summary>
public sealed partial class WebErrorPageTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task PostingAFormWithoutItsAntiforgeryToken_Returns400WithTheVietnamesePage()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "taichinh", ["Password"] = "Demo@2024" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Yêu cầu không hợp lệ", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task AQueryWithAControlCharacter_OnAPage_Returns400WithTheVietnamesePage_AndOnTheApi_400NamingTheParameter()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await client.GetAsync("/dang-nhap?ReturnUrl=%2F%00");
        using var api = await (await factory.ClientFor("taichinh")).GetAsync("/api/plans?year=2024&unit=BP%00");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Yêu cầu không hợp lệ", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        // PostgreSQL refuses a NUL in text: the request never reaches it
        var problem = await ProblemAssert.IsProblemAsync(api, HttpStatusCode.BadRequest);
        Assert.Contains("ký tự điều khiển", (string?)problem["errors"]!["unit"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAddress_WhenSignedIn_Returns404WithTheVietnamesePage()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var signInPage = await client.GetStringAsync("/dang-nhap");
        var token = AntiforgeryToken().Match(signInPage).Groups[1].Value;
        using (var signIn = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["UserName"] = "taichinh", ["Password"] = WorkflowApiFactory.Password, ["__RequestVerificationToken"] = token,
               })))
            Assert.True(signIn.IsSuccessStatusCode, $"Sign-in answered {(int)signIn.StatusCode}");

        using var response = await client.GetAsync("/trang-khong-co-that");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không tìm thấy", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
