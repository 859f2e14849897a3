using System.Net;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Infrastructure;

/// <summary>Assertions on RFC 7807 answers: problem details, and validation problems keyed by JSON path.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts a problem details answer with the given status and returns it.</summary>
    public static async Task<JsonObject> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {status}; got {(int)response.StatusCode} {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int?)problem["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]), $"The problem has no title: {text}");
        return problem;
    }

    /// <summary>
    /// Asserts a 400 validation problem with an error at each of <paramref name="paths"/> (each with a non-empty message)
    /// and returns the errors by path.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> HasErrorsAtAsync(HttpResponseMessage response, params string[] paths)
    {
        var problem = await IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = ErrorsOf(problem);
        foreach (var path in paths)
        {
            Assert.True(errors.TryGetValue(path, out var messages) && messages.Length > 0 && messages.All(m => m.Trim().Length > 0),
                $"Expected an error at '{path}'; got errors at [{string.Join(", ", errors.Keys)}]: {problem.ToJsonString()}");
        }
        return errors;
    }

    /// <summary>Asserts a 400 validation problem with errors at exactly these paths: the perturbation breaks nothing else.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> HasErrorsExactlyAtAsync(HttpResponseMessage response, params string[] paths)
    {
        var errors = await HasErrorsAtAsync(response, paths);
        Assert.True(errors.Keys.Order(StringComparer.Ordinal).SequenceEqual(paths.Order(StringComparer.Ordinal)),
            $"Expected errors at exactly [{string.Join(", ", paths)}]; got [{string.Join(", ", errors.Keys)}]");
        return errors;
    }

    public static IReadOnlyDictionary<string, string[]> ErrorsOf(JsonObject problem)
    {
        Assert.True(problem["errors"] is JsonObject, $"The problem has no 'errors' object: {problem.ToJsonString()}");
        return problem["errors"]!.AsObject().ToDictionary(
            e => e.Key,
            e => e.Value!.AsArray().Select(m => (string?)m ?? "").ToArray(),
            StringComparer.Ordinal);
    }
}
