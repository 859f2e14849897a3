using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Reports;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Ledger;
using Workflow.Domain.Opening;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>The opening-position workbook as a test fills it: the template from the API, rows appended to its sheets.</summary>
public static class OpeningWorkbook
{
    public const string Proposals = "Đề xuất", Disbursements = "Giải ngân", Settlements = "Quyết toán";

    public static async Task<byte[]> TemplateAsync(this HttpClient client, Guid planId)
    {
        using var response = await client.GetAsync($"/api/plans/{planId}/opening-position/template");
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Appends rows from row 2 of each named sheet: strings as text, longs as numbers, dates as Excel dates, null as an empty cell.</summary>
    public static byte[] Fill(byte[] template, IReadOnlyDictionary<string, object?[][]> sheets)
    {
        using var memory = new MemoryStream();
        memory.Write(template);
        using (var document = SpreadsheetDocument.Open(memory, true))
        {
            var workbook = document.WorkbookPart!;
            foreach (var (name, rows) in sheets)
            {
                var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
                var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
                for (var r = 0; r < rows.Length; r++)
                {
                    var index = (uint)(r + 2);
                    var row = new Row { RowIndex = index };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var reference = $"{(char)('A' + c)}{index}";
                        Cell? cell = rows[r][c] switch
                        {
                            null => null,
                            string text => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) },
                            long amount => new Cell { CellReference = reference, CellValue = new CellValue(amount.ToString(CultureInfo.InvariantCulture)) },
                            DateOnly date => new Cell { CellReference = reference, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = 3 },
                            var other => throw new ArgumentException($"Cannot write {other}"),
                        };
                        if (cell is not null) row.Append(cell);
                    }
                    data.Append(row);
                }
            }
            workbook.Workbook.Save();
        }
        return memory.ToArray();
    }

    public static Task<HttpResponseMessage> PostOpeningAsync(this HttpClient client, Guid planId, byte[] file, bool multipart = false)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        if (!multipart) return client.PostAsync($"/api/plans/{planId}/opening-position", content);
        var form = new MultipartFormDataContent { { content, "file", "so-du-dau-ky.xlsx" } };
        return client.PostAsync($"/api/plans/{planId}/opening-position", form);
    }
}

/// <summary>
/// Going live mid-year on the seeded Hớn Quản 2024 plan (6 May 2024): the finance office imports what happened before
/// in the spreadsheets — two approved proposals on DA2, an advance cleared by a payment and an advance still out, one
/// settlement with money to refund — and the system carries on from there.
/// </summary>
public sealed class OpeningPositionTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private static readonly Dictionary<string, object?[][]> GoodFile = new()
    {
        [OpeningWorkbook.Proposals] =
        [
            ["1", "DA2", null, "Mô hình nuôi bò sinh sản xã Tân Hiệp", "Mô hình giảm nghèo", "Địa bàn khác", "45/QĐ-UBND", new DateOnly(2024, 3, 15), 210_000_000L, 200_000_000L, 174_000_000L, 8_700_000L, 17_300_000L, 0L],
            ["2", "DA2", null, "Mô hình trồng điều ghép cao sản", "PovertyReductionModel", "Other", "46/QĐ-UBND", new DateOnly(2024, 3, 15), 100_000_000L, 100_000_000L, 87_000_000L, 4_300_000L, 8_700_000L, 0L],
        ],
        [OpeningWorkbook.Disbursements] =
        [
            ["1", "Tạm ứng", 50_000_000L, 2_000_000L, 5_000_000L, 0L, "KB-0101", new DateOnly(2024, 3, 20)],
            ["1", "Thanh toán", 120_000_000L, 6_000_000L, 12_000_000L, 0L, "KB-0102", "10/04/2024"],
            ["2", "Tạm ứng", 30_000_000L, 1_000_000L, 3_000_000L, null, "KB-0103", "2024-04-15"],
        ],
        [OpeningWorkbook.Settlements] =
        [
            ["1", "20 hộ nhận 20 con bò sinh sản; 12 con đã sinh bê", new DateOnly(2024, 4, 25), 115_000_000L, 6_000_000L, 12_000_000L, 0L],
        ],
    };

    [Fact]
    public async Task OpeningPosition_FromRefusalsToAGoodFile_ReportContinuesFromTheFileAndTheSystemTakesOver()
    {
        using var s = new Session(fixture.Factory);
        var finance = await s.As(Demo.Finance);
        var (planId, da2) = await finance.SeededLineAsync("DA2");
        var template = await finance.TemplateAsync(planId);
        var good = OpeningWorkbook.Fill(template, GoodFile);
        var entriesBefore = await fixture.Factory.DbAsync(db => db.LedgerEntries.CountAsync());

        // 1. a lead agency may not import, even a good file
        using (var forbidden = await (await s.As(Demo.Clerk)).PostOpeningAsync(planId, good))
            await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden);

        // 2. a file committing more than DA2 has, and paying more than approved: 400 with each row, nothing stored
        var bad = OpeningWorkbook.Fill(template, new Dictionary<string, object?[][]>
        {
            [OpeningWorkbook.Proposals] =
            [
                ["1", "DA2", null, "Mô hình nuôi bò sinh sản", "Mô hình giảm nghèo", "Địa bàn khác", "45/QĐ-UBND", new DateOnly(2024, 3, 15), 1_000_000_000L, 1_000_000_000L, 870_000_000L, 43_000_000L, 87_000_000L, 0L],
                ["2", "DA2", null, "Mô hình trồng điều", "Mô hình giảm nghèo", "Địa bàn khác", "46/QĐ-UBND", new DateOnly(2024, 3, 15), 800_000_000L, 800_000_000L, 700_000_000L, 30_000_000L, 70_000_000L, 0L],
                ["3", "DA2", null, "Mô hình chia sai", "Mô hình giảm nghèo", "Địa bàn khác", "47/QĐ-UBND", new DateOnly(2024, 3, 15), 10_000_000L, 10_000_000L, 9_000_000L, 0L, 0L, 0L],
            ],
            [OpeningWorkbook.Disbursements] = [["1", "Tạm ứng", 900_000_000L, 0L, 0L, 0L, "KB-1", new DateOnly(2024, 3, 20)]],
        });
        using (var refused = await finance.PostOpeningAsync(planId, bad))
        {
            var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest);
            var errors = ProblemAssert.ErrorsOf(problem);
            // 870 + 700 million of NSTW against the line's 1,521 million: the second row goes over, by 49 million
            LifecycleApi.MessageAt(errors, "proposals.rows[3].Central", "Trang «Đề xuất», dòng 3", "Quy tắc 9", "DA2", "1.570.000.000", "1.521.000.000", "49.000.000");
            LifecycleApi.MessageAt(errors, "proposals.rows[4].stateSupport", "dòng 4", "9.000.000", "10.000.000");
            LifecycleApi.MessageAt(errors, "disbursements.rows[2].Central", "Trang «Giải ngân», dòng 2", "Quy tắc 12", "900.000.000", "870.000.000");
            Assert.DoesNotContain("proposals.rows[2].Central", errors.Keys);
        }
        Assert.Equal(0, await fixture.Factory.DbAsync(db => db.Proposals.CountAsync()));
        Assert.Equal(0, await fixture.Factory.DbAsync(db => db.Disbursements.CountAsync()));
        Assert.Equal(entriesBefore, await fixture.Factory.DbAsync(db => db.LedgerEntries.CountAsync()));

        // 3. the good file, sent as a form upload: everything opens
        using (var imported = await finance.PostOpeningAsync(planId, good, multipart: true))
        {
            var result = (await imported.ExpectAsync(HttpStatusCode.Created))!;
            Assert.Equal(2, (int)result["proposals"]!);
            Assert.Equal(3, (int)result["disbursements"]!);
            Assert.Equal(1, (int)result["settlements"]!);
        }

        // the report continues from the file's figures: committed = approved − what settlement released, cash = max(advances, payments)
        var report = await finance.ReportAsync(planId);
        ReportHttp.AssertReconciled(report);
        var line = report.Line("DA2");
        var expected = new Dictionary<string, (long Committed, long Disbursed, long Outstanding, long Settled)>
        {
            ["Central"] = (174_000_000 + 87_000_000 - 54_000_000, 120_000_000 + 30_000_000, 30_000_000, 115_000_000),
            ["Provincial"] = (8_700_000 + 4_300_000 - 2_700_000, 6_000_000 + 1_000_000, 1_000_000, 6_000_000),
            ["District"] = (17_300_000 + 8_700_000 - 5_300_000, 12_000_000 + 3_000_000, 3_000_000, 12_000_000),
        };
        foreach (var (source, (committed, disbursed, outstanding, settled)) in expected)
        {
            var f = line["sources"]![source]!;
            Assert.Equal(committed, f.Figure("committed"));
            Assert.Equal(disbursed, f.Figure("disbursed"));
            Assert.Equal(outstanding, f.Figure("advancesOutstanding"));
            Assert.Equal(settled, f.Figure("settled"));
        }
        Assert.Equal(1, report.StateCount("Approved"));
        Assert.Equal(1, report.StateCount("Settled"));
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();

        // each subject starts with one journal entry saying it is an opening position; the ledger notes say so too
        var opened = await fixture.Factory.DbAsync(db => db.Journal.AsNoTracking().Where(e => e.Action == OpeningPosition.Action).ToListAsync());
        Assert.Equal(6, opened.Count);
        Assert.All(opened, e =>
        {
            Assert.Equal(0, e.Sequence);
            Assert.Null(e.FromState);
            Assert.Equal(Demo.Finance, e.ActorName);
            Assert.Equal("Số dư đầu kỳ khi chuyển sang hệ thống", e.Comment);
        });
        // the settled proposal paid 5 million of NSTW beyond its actual cost: its settlement waits, approved, for the refund
        Assert.Equal(["Approved", "Approved", "Paid", "Paid", "Paid", "Settled"], opened.Select(e => e.ToState).Order(StringComparer.Ordinal).ToArray());
        var notes = await fixture.Factory.DbAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.PlanLineId == da2 && e.Kind != LedgerEntryKind.Allocate).Select(e => e.Note).ToListAsync());
        Assert.All(notes, n => Assert.StartsWith(OpeningPosition.NotePrefix, n));

        // 4. the journal chain verifies
        var verification = await finance.GetJsonAsync("/api/audit/verify");
        Assert.True((bool)verification["intact"]!, verification.ToJsonString());

        // 5. the system takes over: a normal payment on the opened, still approved proposal goes through to the treasury
        var second = await fixture.Factory.DbAsync(db => db.Proposals.AsNoTracking().Where(p => p.DecisionNumber == "46/QĐ-UBND").Select(p => p.Id).SingleAsync());
        var proposal = await (await s.As(Demo.Clerk)).GetProposalAsync(second);
        Assert.Equal(30_000_000, Position.Of(proposal, "Central").AdvanceOutstanding);
        await s.PaidDisbursementAsync(second, "Payment", 50_000_000, "KB-0201", "2024-05-06");
        proposal = await (await s.As(Demo.Clerk)).GetProposalAsync(second);
        Assert.Equal(0, Position.Of(proposal, "Central").AdvanceOutstanding);
        Assert.Equal(50_000_000, Position.TotalOf(proposal).Disbursed);
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();

        // 6. a second import is a conflict, and the journal still verifies
        using (var again = await finance.PostOpeningAsync(planId, good))
        {
            var (problem, _) = await LifecycleApi.ConflictAsync(again);
            Assert.Equal("opening.exists", (string?)problem["code"]);
        }
        verification = await finance.GetJsonAsync("/api/audit/verify");
        Assert.True((bool)verification["intact"]!, verification.ToJsonString());
        ReportHttp.AssertReconciled(await finance.ReportAsync(planId));
    }
}
