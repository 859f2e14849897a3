using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests;

/// <summary>Headers every answer carries, the published development key refused outside Development, Swagger off in Production.</summary>
public sealed class SecurityTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Theory]
    [InlineData("/dang-nhap")]           // a page
    [InlineData("/api/plans")]           // an API answer (401 without a token)
    [InlineData("/khong-co-trang-nay")]  // an error page
    [InlineData("/health")]
    public async Task AnyAnswer_CarriesTheSecurityHeaders(string path)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
    }

    [Fact]
    public async Task Migrate_WhenProductionUsesTheDevelopmentKeyFromTheSettingsFile_RefusesToRunNamingTheSetting()
    {
        using var database = TestDatabase.NotCreated("committed-key");

        var outcome = await ApiProcess.RunAsync(database.Environment(
            ("ASPNETCORE_ENVIRONMENT", "Production"),
            ("Auth__Jwt__SigningKey", "development-only-signing-key-change-me-0123456789")), "migrate");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Auth:Jwt:SigningKey", outcome.Errors);
        Assert.Contains("Auth__Jwt__SigningKey", outcome.Errors);
        Assert.False(database.Exists(), "The database was created with a published key.");
    }

    [Fact]
    public async Task Swagger_InProduction_IsOffUnlessApiSwaggerIsTrue()
    {
        using var database = TestDatabase.Create("swagger");
        {
            using (var production = new ProductionFactory(database, swagger: false))
            using (var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
            using (var response = await client.GetAsync("/swagger/v1/swagger.json"))
            {
                // no document: the path is an unknown page, which sends a stranger to sign in
                Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
                Assert.NotEqual("application/json", response.Content.Headers.ContentType?.MediaType);
            }

            using var allowed = new ProductionFactory(database, swagger: true);
            using var allowedClient = allowed.CreateClient();
            using var document = await allowedClient.GetAsync("/swagger/v1/swagger.json");
            await document.ExpectAsync(HttpStatusCode.OK);
        }
    }

    private sealed class ProductionFactory(TestDatabase database, bool swagger) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in database.Settings) builder.UseSetting(key, value);
            builder.UseSetting("Auth:Jwt:SigningKey", WorkflowApiFactory.SigningKey);
            builder.UseSetting("Audit:JournalKey", WorkflowApiFactory.JournalKey);
            builder.UseSetting("Api:Swagger", swagger ? "true" : "false");
        }
    }
}
