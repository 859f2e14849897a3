using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>A proposal's attachments and communes: stored as JSON lists, names with control characters refused, rows stored as packed text still read.</summary>
public sealed class ProposalListsTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private static readonly string Hash = new('a', 64);

    [Theory]
    [InlineData("Biên bản\nhọp thôn")]
    [InlineData("Biên bản\thọp thôn")]
    [InlineData("Biên bản\u0000")]
    public async Task Create_WhenAnAttachmentNameHoldsAControlCharacter_Returns400AtItsNameAndStoresNothing(string name)
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, lineId) = await clerk.SeededLineAsync("DA2");
        var title = $"Mô hình có tệp đính kèm lỗi {Guid.NewGuid():N}";
        var body = LifecycleApi.Model(lineId, 20_000_000, title);
        body["attachments"] = new JsonArray(new JsonObject { ["name"] = name, ["sha256"] = Hash });

        using var response = await clerk.CreateProposalAsync(body);

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "attachments[0].name");
        LifecycleApi.MessageAt(errors, "attachments[0].name", "ký tự điều khiển");
        Assert.False(await fixture.Factory.DbAsync(db => db.Proposals.AnyAsync(p => p.Title == title)));
    }

    [Fact]
    public async Task Create_WhenAnAttachmentNameIsLongerThanTheStoredLimit_Returns400AtItsName()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, lineId) = await clerk.SeededLineAsync("DA2");
        var body = LifecycleApi.Model(lineId, 20_000_000);
        body["attachments"] = new JsonArray(new JsonObject { ["name"] = "Tờ trình", ["sha256"] = Hash }, new JsonObject { ["name"] = new string('x', 257), ["sha256"] = Hash });

        using var response = await clerk.CreateProposalAsync(body);

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "attachments[1].name");
    }

    [Fact]
    public async Task Get_WhenAttachmentsAndCommunesRoundTrip_ReturnsThemAsLists()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, lineId) = await clerk.SeededLineAsync("DA2");
        var body = LifecycleApi.Model(lineId, 20_000_000);
        body["attachments"] = new JsonArray(new JsonObject { ["name"] = "Tờ trình, \"số 12\"; đợt 1", ["sha256"] = Hash });

        var id = await clerk.CreateProposalOkAsync(body);

        var proposal = await clerk.GetProposalAsync(id);
        Assert.Equal("Tờ trình, \"số 12\"; đợt 1", (string?)proposal["attachments"]![0]!["name"]);
        await clerk.ActOkAsync("proposals", id, "withdraw");
    }

    [Fact]
    public async Task Get_WhenTheRowWasStoredInThePackedTextFormat_ReadsTheSameLists()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, lineId) = await clerk.SeededLineAsync("DA2");
        var id = await clerk.CreateProposalOkAsync(LifecycleApi.Model(lineId, 20_000_000));
        var other = new string('b', 64);
        // as the columns held them before they became JSON: "sha256<TAB>name" per line, communes joined by commas
        await fixture.Factory.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE proposals SET \"Attachments\" = {Hash + "\tTờ trình số 12\n" + other + "\tBiên bản họp thôn"}, \"Communes\" = {"HQ.TH,HQ.AK"} WHERE \"Id\" = {id}"));

        var proposal = await clerk.GetProposalAsync(id);

        Assert.Equal(["Tờ trình số 12", "Biên bản họp thôn"], proposal["attachments"]!.AsArray().Select(a => (string)a!["name"]!));
        Assert.Equal(other, (string?)proposal["attachments"]![1]!["sha256"]);
        Assert.Equal(["HQ.TH", "HQ.AK"], proposal["communes"]!.AsArray().Select(c => (string)c!));
        await clerk.ActOkAsync("proposals", id, "withdraw");
    }
}
