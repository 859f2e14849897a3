using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests;

public class HostTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Health_WhenAnonymous_Returns200()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SwaggerJson_WhenAnonymous_Returns200WithThePlanEndpoints()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/swagger/v1/swagger.json");

        var document = await response.ExpectAsync(HttpStatusCode.OK);
        var paths = document!["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/plans/import"), "The OpenAPI document does not describe POST /api/plans/import.");
        Assert.True(paths.ContainsKey("/api/auth/token"), "The OpenAPI document does not describe POST /api/auth/token.");
    }

    [Fact]
    public async Task Start_WhenDatabaseSettingIsGiven_BringsThatDatabaseToTheCurrentSchema()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/health");
        await response.ExpectAsync(HttpStatusCode.OK);

        await using var db = factory.Database.OpenContext();
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(factory.Database.ConnectionString, factory.Services.GetRequiredService<DatabaseOptions>().ConnectionString);
    }

    [Fact]
    public async Task Start_WhenSeedDemoIsTrue_DemoUsersCanSignIn()
    {
        using var client = await factory.ClientFor("admin");

        using var response = await client.GetAsync("/api/auth/me");

        var me = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("admin", (string?)me!["userName"]);
    }
}
