using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests;

/// <summary>
/// The OpenAPI document as clients (and generated clients) read it. The test command lints the copy written to
/// <c>artifacts/openapi.json</c> with Spectral's <c>spectral:oas</c> rules after the tests.
/// </summary>
public class OpenApiDocumentTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task SwaggerJson_WhenServed_IsWrittenToArtifactsForTheLinter()
    {
        var text = await DocumentTextAsync();

        var path = Path.Combine(RepositoryRoot(), "artifacts", "openapi.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text);

        Assert.NotNull(JsonNode.Parse(text)!["paths"]);
    }

    [Fact]
    public async Task SwaggerJson_EveryOperation_HasAUniqueOperationId()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        var missing = operations.Where(o => o.Id is null).Select(o => o.Name).ToList();
        Assert.True(missing.Count == 0, $"Operations without an operationId: {string.Join(", ", missing)}");
        var duplicates = operations.GroupBy(o => o.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"operationIds used twice: {string.Join(", ", duplicates)}");
    }

    [Fact]
    public async Task SwaggerJson_EveryOperationThatCanRefuse_DeclaresAProblemResponse()
    {
        var operations = Operations(await DocumentAsync());

        // writes can always be refused; so can a read of one thing by its id (404, 403 outside the caller's scope)
        var silent = operations
            .Where(o => o.Method != "get" || o.Path.Contains('{'))
            .Where(o => !o.Responses.Any(r => r.Key.StartsWith('4') && IsProblem(r.Value)))
            .Select(o => o.Name)
            .ToList();
        Assert.True(silent.Count == 0, $"Operations that can refuse but declare no 4xx problem response: {string.Join(", ", silent)}");
    }

    [Fact]
    public async Task SwaggerJson_EverySchemaId_IsAUriFragment()
    {
        var document = await DocumentAsync();

        var unsafeIds = document["components"]!["schemas"]!.AsObject().Select(s => s.Key)
            .Where(id => !System.Text.RegularExpressions.Regex.IsMatch(id, "^[A-Za-z0-9._-]+$")).ToList();
        Assert.True(unsafeIds.Count == 0, $"Schema ids a $ref cannot carry: {string.Join(", ", unsafeIds)}");
    }

    [Fact]
    public void SchemaIds_WhenGenericNestedOrAnonymous_KeepOnlyUriSafeCharacters()
    {
        Assert.Equal("CurrentUserView", Common.OpenApiSchemaIds.For(typeof(Endpoints.AuthEndpoints.CurrentUserView)));
        Assert.Equal("ListOfKeyValuePairOfStringAndInt32", Common.OpenApiSchemaIds.For(typeof(List<KeyValuePair<string, int>>)));
        var anonymous = new { id = Guid.Empty }.GetType();
        Assert.Matches("^[A-Za-z0-9._-]+$", Common.OpenApiSchemaIds.For(anonymous));
    }

    [Fact]
    public async Task SwaggerJson_PlanImportAndRevision_DescribeThePlanFile()
    {
        var document = await DocumentAsync();

        foreach (var path in new[] { "/api/plans/import", "/api/plans/{id}/revisions" })
        {
            var schema = Resolve(document, document["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);
            var properties = schema["properties"]!.AsObject();
            foreach (var field in new[] { "fiscalYear", "unit", "decision", "counterpart", "lines", "totals" })
                Assert.True(properties.ContainsKey(field), $"The request body of POST {path} does not describe '{field}'.");
            var line = Resolve(document, properties["lines"]!["items"]!);
            Assert.True(line["properties"]!.AsObject().ContainsKey("amounts"), $"The plan lines of POST {path} do not describe 'amounts'.");
        }
    }

    [Fact]
    public async Task SwaggerJson_ActionEndpoints_DescribeCommentAndData()
    {
        var document = await DocumentAsync();

        foreach (var subject in new[] { "proposals", "disbursements", "settlements" })
        {
            var body = document["paths"]![$"/api/{subject}/{{id}}/actions/{{action}}"]!["post"]!["requestBody"]!;
            var schema = Resolve(document, body["content"]!["application/json"]!["schema"]!);
            var properties = schema["properties"]!.AsObject();
            Assert.True(properties.ContainsKey("comment") && properties.ContainsKey("data"), $"The action body of /api/{subject} does not describe comment and data.");
        }
    }

    [Fact]
    public async Task SwaggerJson_EveryPostButSignInAndBulk_DocumentsTheOptionalIdempotencyKeyHeaderAndItsRefusals()
    {
        var document = await DocumentAsync();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item!["post"] is not { } post) continue;
            var header = (post["parameters"]?.AsArray() ?? []).FirstOrDefault(p => (string?)p!["name"] == "Idempotency-Key");
            if (path.StartsWith("/api/auth/", StringComparison.Ordinal))
            {
                Assert.True(header is null, $"POST {path} answers with tokens, which are never stored: it takes no Idempotency-Key.");
                continue;
            }
            if (path == "/api/tasks/bulk")
            {
                Assert.True(header is null, $"POST {path} commits each dossier on its own, so no one stored answer could: it takes no Idempotency-Key.");
                continue;
            }
            Assert.True(header is not null, $"POST {path} does not document the Idempotency-Key header.");
            Assert.Equal("header", (string?)header!["in"]);
            Assert.False((bool?)header["required"] ?? false);
            Assert.Equal(255, (int?)header["schema"]!["maxLength"]);
            var responses = post["responses"]!.AsObject();
            foreach (var status in new[] { "400", "409", "422" })
                Assert.True(responses.TryGetPropertyValue(status, out var response) && IsProblem(response), $"POST {path} does not declare its {status} problem.");
        }
    }

    private async Task<string> DocumentTextAsync()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await DocumentTextAsync())!;

    private sealed record Operation(string Method, string Path, string? Id, JsonObject Responses)
    {
        public string Name => $"{Method.ToUpperInvariant()} {Path}";
    }

    private static IEnumerable<Operation> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where Methods.Contains(method.Key)
        select new Operation(method.Key, path.Key, (string?)method.Value!["operationId"], method.Value!["responses"]?.AsObject() ?? []);

    private static bool IsProblem(JsonNode? response) =>
        response?["content"]?.AsObject().Any(c => c.Key is "application/problem+json") == true;

    private static JsonNode Resolve(JsonNode document, JsonNode schema)
    {
        if ((string?)schema["$ref"] is not { } reference) return schema;
        var name = reference["#/components/schemas/".Length..];
        return document["components"]!["schemas"]![name]!;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No folder holding Workflow.sln above {AppContext.BaseDirectory}.");
    }
}
