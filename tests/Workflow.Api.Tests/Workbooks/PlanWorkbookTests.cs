using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Workflow.Api.Features.Plans;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Workbooks;

/// <summary>
/// Plans as Excel workbooks (docs/plan-file.md, "The plan workbook"): the export, the import through the same rules
/// as a JSON file, errors by cell, and round trips of the real Hớn Quản 2024 plan.
/// </summary>
public class PlanWorkbookTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static ByteArrayContent WorkbookBody(byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        return body;
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] workbook) =>
        client.PostAsync("/api/plans/import", WorkbookBody(workbook));

    private static async Task<byte[]> ExportAsync(HttpClient client, Guid id, string query = "")
    {
        using var response = await client.GetAsync($"/api/plans/{id}/export.xlsx{query}");
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static byte[] ForYear(byte[] workbook, int year) =>
        Workbook.Edit(workbook, w => w.Number(w.InRowOf(PlanWorkbook.Labels.FiscalYear, "D"), year.ToString()));

    /// <summary>The Hớn Quản 2024 file as the export writes it in đồng, without going through a database.</summary>
    private static byte[] FixtureWorkbook(bool inMillions = false) =>
        PlanWorkbook.Write(PlanFile.Read(PlanFile.ParseJson(PlanFixture.Text)), inMillions, ShippedCatalogue.For2021To2025);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_WhatWriteWrites_GivesTheSamePlanFile(bool inMillions)
    {
        var (file, _) = PlanWorkbook.Read(FixtureWorkbook(inMillions));

        var content = PlanFile.Read(System.Text.Json.JsonSerializer.SerializeToElement(file));

        Assert.Equal(PlanFile.Canonicalize(PlanFixture.Text), PlanFile.Write(content));
    }

    [Fact]
    public async Task ImportWorkbook_WhenExportedPlanIsForAnotherYear_CreatesTheSamePlan()
    {
        using var client = await factory.ClientFor("taichinh");
        var workbook = ForYear(await ExportAsync(client, await client.SeededPlanIdAsync()), 2025);

        using var response = await ImportAsync(client, workbook);

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var id = Guid.Parse((string)created!["id"]!);
        var exported = JsonNode.Parse(await client.ExportAsync(id));
        Assert.True(JsonNode.DeepEquals(PlanFixture.ForYear(2025), exported), $"The imported workbook is not the 2024 plan for 2025:\n{exported}");
    }

    [Fact]
    public async Task ImportWorkbook_InMillions_ConvertsExactlyToDong()
    {
        using var client = await factory.ClientFor("taichinh");
        var workbook = ForYear(await ExportAsync(client, await client.SeededPlanIdAsync(), "?amounts=trieu"), 2023);
        using (var check = new MemoryStream(workbook))
        {
            var da2 = Workbook.Edit(workbook, _ => { });
            Assert.Equal(PlanWorkbook.Million, ValueNextTo(da2, PlanWorkbook.Labels.AmountUnit));
        }

        using var response = await ImportAsync(client, workbook);

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var plan = await client.GetPlanAsync(Guid.Parse((string)created!["id"]!));
        Assert.Equal(3_507_000_000, (long?)plan["totals"]!["Central"]);
        Assert.Equal(76_000_000, (long?)plan["lines"]![0]!["amounts"]!["Provincial"]);
    }

    private static string? ValueNextTo(byte[] workbook, string label)
    {
        string? value = null;
        Workbook.Edit(workbook, w => value = w.ValueAt(w.InRowOf(label, "D")));
        return value;
    }

    [Fact]
    public async Task ImportWorkbook_TypedInMillionsByAClerk_IsTheSamePlan()
    {
        using var client = await factory.ClientFor("taichinh");
        // a clerk's sheet: amounts typed in triệu, 1,521 for DA2's NSTW; the year 2022 is still free
        var workbook = Workbook.Edit(FixtureWorkbook(inMillions: false), w =>
        {
            w.Text(w.InRowOf(PlanWorkbook.Labels.AmountUnit, "D"), "triệu đồng");
            w.Number(w.InRowOf(PlanWorkbook.Labels.FiscalYear, "D"), "2022");
            foreach (var column in new[] { "E", "F", "G", "H", "I" })
                foreach (var row in new[] { w.Find("DA2"), w.Find("DA3.1"), w.Find("DA3.2"), w.Find("DA4.1"), w.Find("DA4.3"), w.Find("DA6"), w.Find("DA7"), w.Find(PlanWorkbook.TotalLabel) })
                {
                    var cell = column + row[1..];
                    if (w.ValueAt(cell) is { } dong && long.TryParse(dong, out var amount))
                        w.Number(cell, (amount / 1_000_000m).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
        });

        using var response = await ImportAsync(client, workbook);

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var exported = JsonNode.Parse(await client.ExportAsync(Guid.Parse((string)created!["id"]!)));
        Assert.True(JsonNode.DeepEquals(PlanFixture.ForYear(2022), exported), $"The sheet in triệu is not the plan:\n{exported}");
    }

    [Fact]
    public async Task ImportWorkbook_InMillionsWithSevenDecimals_Returns400AtTheCell()
    {
        using var client = await factory.ClientFor("taichinh");
        string cell = "";
        var workbook = Workbook.Edit(FixtureWorkbook(inMillions: true), w =>
        {
            
            cell = w.InRowOf("DA2", "G");
            w.Number(cell, "76.0000001");
        });

        using var response = await ImportAsync(client, workbook);

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, cell);
        Assert.Contains("6 chữ số thập phân", errors[cell][0]);
        Assert.Contains("NS tỉnh", errors[cell][0]);
    }

    [Fact]
    public async Task ImportWorkbook_WhenTheUploadUnpacksToHundredsOfMegabytes_Returns400AtTheFileAndStoresNothing()
    {
        using var client = await factory.ClientFor("taichinh");
        // a small upload whose one part expands to 200 MiB of zeros: refused from the package's sizes, before parsing
        using var packed = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(packed, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++) await part.WriteAsync(zeros);
        }
        Assert.True(packed.Length < PlanWorkbook.MaxBytes, "The bomb must fit under the upload limit to test the unpacked limit.");
        var before = (await client.GetPlansAsync()).Count;

        using var response = await ImportAsync(client, packed.ToArray());

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "$");
        Assert.Contains("giải nén", errors["$"][0]);
        Assert.Equal(before, (await client.GetPlansAsync()).Count);
    }

    [Fact]
    public async Task ImportWorkbook_WithBadCells_Returns400NamingEachCell()
    {
        using var client = await factory.ClientFor("taichinh");
        string text = "", negative = "", component = "";
        var workbook = Workbook.Edit(FixtureWorkbook(), w =>
        {
            
            text = w.InRowOf("DA2", "F");
            w.Text(text, "1.521 triệu");
            negative = w.InRowOf("DA3.2", "H");
            w.Number(negative, "-5000000");
            w.Text(w.InRowOf("DA3.2", "E"), ""); // the row's "Tổng số" left blank: it is checked only when filled
            component = w.Find("DA7");
            w.Text(component, "DA9");
        });

        using var response = await ImportAsync(client, workbook);

        // the text cell is refused by the sheet reader before any rule runs
        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, text);
        Assert.Contains("Phải là số", errors[text][0]);

        // with the number fixed, the rules run and name the other cells
        var fixedText = Workbook.Edit(workbook, w => w.Number(text, "1521000000"));
        using var second = await ImportAsync(client, fixedText);
        var ruleErrors = await ProblemAssert.HasErrorsAtAsync(second, negative, component);
        Assert.Contains("âm", ruleErrors[negative][0]);
        Assert.DoesNotContain(ruleErrors.Keys, k => k.Contains('[') || k.Contains('.'));
    }

    [Fact]
    public async Task ImportWorkbook_WithUnknownColumnWrongUnitAndMergedHeader_Returns400AtThoseCells()
    {
        using var client = await factory.ClientFor("taichinh");
        string column = "", unit = "", merged = "";
        var workbook = Workbook.Edit(FixtureWorkbook(), w =>
        {
            column = w.Find("NS xã");
            w.Text(column, "NS thôn");
            unit = w.InRowOf(PlanWorkbook.Labels.AmountUnit, "D");
            w.Text(unit, "nghìn đồng");
            merged = w.Find("Mã dự án");
            w.Merge($"{merged}:{merged[0]}{int.Parse(merged[1..]) + 1}");
        });

        using var response = await ImportAsync(client, workbook);

        await ProblemAssert.HasErrorsExactlyAtAsync(response, column, unit, merged);
    }

    [Fact]
    public async Task ImportWorkbook_WhenTotalRowIsMissing_Returns400NamingWhereItShouldBe()
    {
        using var client = await factory.ClientFor("taichinh");
        var workbook = Workbook.Edit(FixtureWorkbook(), w => w.Text(w.Find(PlanWorkbook.TotalLabel), "Ghi chú"));

        using var response = await ImportAsync(client, workbook);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(ProblemAssert.ErrorsOf(problem).Values.SelectMany(m => m), m => m.Contains("Thiếu dòng \"Tổng cộng\""));
    }

    [Theory]
    [InlineData("not a workbook at all")]
    [InlineData("PK\u0003\u0004 a broken zip")]
    public async Task ImportWorkbook_WhenTheFileIsNotAWorkbook_Returns400(string content)
    {
        using var client = await factory.ClientFor("taichinh");

        using var response = await ImportAsync(client, System.Text.Encoding.UTF8.GetBytes(content));

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "$");
        Assert.Contains(".xlsx", errors["$"][0]);
    }

    [Fact]
    public async Task ImportWorkbook_AsMultipartFileField_IsAccepted()
    {
        using var client = await factory.ClientFor("taichinh");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(ForYear(FixtureWorkbook(), 2021));
        file.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        form.Add(file, "file", "ke-hoach.xlsx");

        using var response = await client.PostAsync("/api/plans/import", form);

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(2021, (int?)created!["fiscalYear"]);
    }

    [Fact]
    public async Task Template_IsAWorkbookTheImportReadsAndRefusesByCell()
    {
        using var client = await factory.ClientFor("taichinh");
        using var response = await client.GetAsync("/api/plans/template.xlsx");
        await response.ExpectAsync(HttpStatusCode.OK);
        var template = await response.Content.ReadAsByteArrayAsync();

        using var import = await ImportAsync(client, template);

        // the empty form is not a plan: refused with 400, never a 500
        await ProblemAssert.IsProblemAsync(import, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ReviseWithWorkbook_WhenTheExportedPlanIsSentBackUnchanged_IsRefusedAsIdenticalToTheVersionInForce()
    {
        using var client = await factory.ClientFor("taichinh");
        var id = await client.SeededPlanIdAsync();
        var version = (int)(await client.GetPlanAsync(id))["version"]!;
        var workbook = await ExportAsync(client, id);

        using var response = await client.PostAsync($"/api/plans/{id}/revisions?reason={Uri.EscapeDataString("Đối chiếu bản Excel")}", WorkbookBody(workbook));

        // the workbook reads back exactly the plan in force, so rule 24 finds nothing to revise
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("plan.unchanged", (string?)problem["code"]);
        Assert.Equal(version, (int)(await client.GetPlanAsync(id))["version"]!);
    }
}
