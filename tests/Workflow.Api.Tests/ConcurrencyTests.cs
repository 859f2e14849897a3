using System.Net;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests;

/// <summary>
/// Requests that race. Outcomes only, never timings: whichever order the server takes them in, the stored result
/// must be one a sequential order could have produced.
/// </summary>
public class ConcurrencyTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Import_WhenSameNewYearIsImportedTwiceAtOnce_OneIsCreatedAndTheOtherConflicts()
    {
        var year = PlanFixture.UnseededCommuneYear();
        await PolicyFixture.EnsureDongNaiAsync(factory, year);
        using var first = await factory.ClientFor("tk.kinhte");
        using var second = await factory.ClientFor("tk.kinhte2");
        var plan = PlanFixture.Commune(year);

        var responses = await Task.WhenAll(first.ImportAsync(plan), second.ImportAsync(plan));

        try
        {
            var statuses = responses.Select(r => r.StatusCode).Order().ToArray();
            Assert.True(statuses.SequenceEqual([HttpStatusCode.Created, HttpStatusCode.Conflict]),
                $"Expected one 201 and one 409; got {string.Join(", ", await Task.WhenAll(responses.Select(Describe)))}");
            Assert.Single(await first.GetPlansAsync($"?year={year}"));
        }
        finally
        {
            foreach (var response in responses) response.Dispose();
        }
    }

    [Fact]
    public async Task Revise_WhenTwoRevisionsOfOneVersionRace_VersionsStayConsecutiveAndEveryAcceptedRevisionIsKept()
    {
        var year = PlanFixture.UnseededCommuneYear(1);
        await PolicyFixture.EnsureDongNaiAsync(factory, year);
        using var first = await factory.ClientFor("tk.kinhte");
        using var second = await factory.ClientFor("tk.kinhte2");
        using var created = await first.ImportAsync(PlanFixture.Commune(year));
        var id = Guid.Parse((string)(await created.ExpectAsync(HttpStatusCode.Created))!["id"]!);

        var accepted = 0;
        var sawConflict = false;
        // a real race is likely but not certain; a few rounds give it the chance without making the test depend on it
        for (var round = 1; round <= 5 && !sawConflict; round++)
        {
            var a = PlanFixture.Commune(year);
            a.Amounts(PlanFixture.CommuneDA2).AddTo("Central", round * 20_000_000L).AddTo("Provincial", round * 2_000_000L).AddTo("Commune", round * 1_000_000L);
            a.Totals().AddTo("Central", round * 20_000_000L).AddTo("Provincial", round * 2_000_000L).AddTo("Commune", round * 1_000_000L);
            a["reason"] = $"round {round} A";
            var b = PlanFixture.Commune(year);
            b.Amounts(PlanFixture.CommuneDA6).AddTo("Central", round * 20_000_000L).AddTo("Provincial", round * 2_000_000L).AddTo("Commune", round * 1_000_000L);
            b.Totals().AddTo("Central", round * 20_000_000L).AddTo("Provincial", round * 2_000_000L).AddTo("Commune", round * 1_000_000L);
            b["reason"] = $"round {round} B";

            var responses = await Task.WhenAll(first.ReviseAsync(id, a), second.ReviseAsync(id, b));
            try
            {
                var described = string.Join(", ", await Task.WhenAll(responses.Select(Describe)));
                Assert.True(responses.All(r => r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict),
                    $"Round {round}: each revision must be accepted (201) or refused as a conflict (409); got {described}");
                Assert.True(responses.Any(r => r.StatusCode == HttpStatusCode.Created), $"Round {round}: neither revision was accepted: {described}");
                accepted += responses.Count(r => r.StatusCode == HttpStatusCode.Created);
                sawConflict |= responses.Any(r => r.StatusCode == HttpStatusCode.Conflict);
            }
            finally
            {
                foreach (var response in responses) response.Dispose();
            }

            var plan = await first.GetPlanAsync(id);
            Assert.Equal(1 + accepted, (int)plan["version"]!);
            using var historyResponse = await first.GetAsync($"/api/plans/{id}/revisions");
            var versions = (await historyResponse.ExpectAsync(HttpStatusCode.OK))!.AsArray().Select(h => (int)h!["version"]!).ToArray();
            Assert.Equal(Enumerable.Range(1, 1 + accepted).ToArray(), versions);
        }
    }

    private static async Task<string> Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
}
