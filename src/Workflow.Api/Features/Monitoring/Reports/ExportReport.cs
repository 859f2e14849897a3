using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MediatR;
using Workflow.Api.Features.Reports.ExportPlanReport;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Monitoring.Reports;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Features.Monitoring.Reports;

/// <summary>
/// <c>GET /api/monitoring/reports/{id}/export?format=xlsx|json|csv</c>: the report in the official table layout (xlsx) or
/// as the feed for the national database (json, csv), field by field in docs/monitoring.md ("Export formats").
/// </summary>
public sealed record ExportReportQuery(Guid Id, string? Format) : IRequest<ReportFile>;

/// <summary>The machine export: what the report is and what it says, the same content the API returns.</summary>
/// <param name="Format">The name and version of this layout, so a loader can refuse one it does not know.</param>
public sealed record ReportFeed(string Format, ReportSummary Report, ReportContent Content)
{
    public const string Name = "workflow.monitoring-report/1";
}

public sealed class ExportReportHandler(IMediator mediator, ReportTemplates templates) : IRequestHandler<ExportReportQuery, ReportFile>
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static string FileName(ReportSummary report, string format) => $"bao-cao-{report.Template}-{report.Unit}-{report.Period}-v{report.Version}.{format}";

    public async Task<ReportFile> Handle(ExportReportQuery request, CancellationToken cancellationToken)
    {
        var format = request.Format?.Trim().ToLowerInvariant();
        if (format is not ("xlsx" or "json" or "csv"))
            throw new ValidationFailedException("format", string.IsNullOrWhiteSpace(request.Format)
                ? "Chọn định dạng tệp: xlsx, json hoặc csv."
                : $"Định dạng '{request.Format}' không được hỗ trợ; dùng xlsx, json hoặc csv.");
        var view = await mediator.Send(new GetReportQuery(request.Id), cancellationToken);
        var report = view.Report;
        var name = FileName(report, format);
        return format switch
        {
            "json" => new ReportFile(JsonSerializer.SerializeToUtf8Bytes(new ReportFeed(ReportFeed.Name, report, view.Content), ReportJson.Options), JsonContentType, name),
            "csv" => new ReportFile(MonitoringReportCsv.Write(view), ExportPlanReportHandler.CsvContentType, name),
            _ => new ReportFile(MonitoringReportXlsx.Write(view, templates.Find(report.Template, report.TemplateVersion)
                ?? throw new ConflictException($"Mẫu {report.Template} phiên bản {report.TemplateVersion} không còn được nạp.", "report.templateMissing")),
                ExportPlanReportHandler.XlsxContentType, name),
        };
    }
}

/// <summary>
/// The national-database feed as CSV: one figure per row (long format), so every block loads into one table. UTF-8 with
/// a byte order mark, comma separated (RFC 4180), invariant numbers; money in whole đồng.
/// </summary>
internal static class MonitoringReportCsv
{
    public static readonly string[] Headers =
        ["unit", "period", "template", "templateVersion", "reportVersion", "status", "block", "component", "source", "indicator", "field", "value", "measure"];

    public static byte[] Write(ReportView view)
    {
        var r = view.Report;
        var c = view.Content;
        using var memory = new MemoryStream();
        using (var writer = new StreamWriter(memory, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            foreach (var header in Headers) csv.WriteField(header);
            csv.NextRecord();
            void Row(string block, string component, string source, string indicator, string field, string value, string measure)
            {
                foreach (var cell in new[] { r.Unit, r.Period, r.Template, Int(r.TemplateVersion), Int(r.Version), r.Status.ToString(), block, component, source, indicator, field, value, measure })
                    csv.WriteField(cell);
                csv.NextRecord();
            }
            foreach (var m in c.Money.Rows)
            {
                Row("money", m.Component, m.Source.ToString(), "", "allocated", Long(m.Allocated), "dong");
                Row("money", m.Component, m.Source.ToString(), "", "disbursed", Long(m.Disbursed), "dong");
            }
            foreach (var o in c.Outputs)
            {
                if (o.Planned is { } planned) Row("outputs", "", "", o.Indicator, "planned", Long(planned), o.Unit);
                if (o.Actual is { } actual) Row("outputs", "", "", o.Indicator, "actual", Long(actual), o.Unit);
            }
            foreach (var f in c.DeclaredFunds)
            {
                Row("declaredFunds", f.Component, FundingSource.Integrated.ToString(), "", "amount", Long(f.Integrated), "dong");
                Row("declaredFunds", f.Component, FundingSource.Credit.ToString(), "", "amount", Long(f.Credit), "dong");
                Row("declaredFunds", f.Component, FundingSource.Participant.ToString(), "", "amount", Long(f.Contribution), "dong");
            }
            foreach (var p in c.Poverty)
                foreach (var (field, value) in new[] { ("baseline", p.Baseline), ("target", p.Target), ("actual", p.Actual) })
                    if (value is { } v) Row("poverty", "", "", p.Indicator, field, v.ToString(CultureInfo.InvariantCulture), p.Unit);
            foreach (var child in c.Children) Row("children", "", "", child.Unit, "submittedVersion", Int(child.Version), "");
            foreach (var missing in c.Missing) Row("missing", "", "", missing.Unit, "missing", "", "");
        }
        return memory.ToArray();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The report laid out as the official tables: a cover sheet with the head, sections, notes and signatures; then one
/// sheet per table of the template with the unit, form name, title, period, unit of measure, column headers, the row
/// of column codes (A, B, 1, 2…), the rows and their total. Money in triệu đồng as rounded by largest remainder, so
/// the printed rows add up to the printed total.
/// </summary>
internal static class MonitoringReportXlsx
{
    public const string CoverSheet = "Báo cáo";

    private const uint Title = 1, Right = 2, Header = 3, Text = 4, Amount = 5, Rate = 6, BoldText = 7, BoldAmount = 8, Note = 9, Signature = 10,
        SignatureHint = 11, ColumnCode = 12, BoldRate = 13, Plain = 14;

    public static byte[] Write(ReportView view, ReportTemplate template)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles(template.MoneyDecimals);
            var sheets = new Sheets();
            uint id = 1;
            void Add(string name, Worksheet worksheet)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = worksheet;
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name });
            }
            Add(CoverSheet, Cover(view, template));
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { CoverSheet };
            for (var i = 0; i < template.Tables.Count; i++)
                Add(SheetName(i, template.Tables[i], used), Table(view, template, template.Tables[i]));
            workbookPart.Workbook.Append(sheets);
            workbookPart.Workbook.Save();
        }
        return memory.ToArray();
    }

    /// <summary>Excel allows 31 characters and no []:*?/\ in a sheet's name.</summary>
    public static string SheetName(int index, ReportTable table, ISet<string> used)
    {
        var clean = new string([.. table.Title.Where(ch => "[]:*?/\\".IndexOf(ch) < 0)]);
        var name = $"{index + 1}. {clean}";
        if (name.Length > 31) name = name[..31].TrimEnd();
        while (!used.Add(name)) name = $"{index + 1}.{used.Count}";
        return name;
    }

    private static Worksheet Cover(ReportView view, ReportTemplate template)
    {
        var sheet = new SheetWriter(4);
        var r = view.Report;
        var c = view.Content;
        sheet.Head(c.Header.UnitName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), template.Form);
        sheet.Merged(template.Title.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), Title, 36);
        sheet.Merged($"Kỳ báo cáo: {c.Header.PeriodName} (từ {c.Header.PeriodStart:dd/MM/yyyy} đến {c.Header.PeriodEnd:dd/MM/yyyy}); hạn gửi {r.DueDate:dd/MM/yyyy}", Plain);
        sheet.Merged($"Phiên bản {r.Version} – {(r.Status == MonitoringReportStatus.Submitted ? $"đã gửi ngày {Local(r.SubmittedAt!.Value):dd/MM/yyyy} ({r.SubmittedBy})" : "bản nháp, chưa gửi")}; số liệu tổng hợp ngày {Local(r.CompiledAt):dd/MM/yyyy HH:mm}", Plain);
        if (r.CorrectionReason is { } reason) sheet.Merged($"Điều chỉnh phiên bản trước; lý do: {reason}", Note);
        sheet.Blank();
        sheet.Row(20, (Header, "Mục"), (Header, "Nội dung"), (Header, "Bảng"), (Header, "Hướng dẫn"));
        foreach (var s in template.Sections)
        {
            var table = template.Tables.Select((t, i) => (t, i)).FirstOrDefault(x => x.t.Code == s.Table);
            sheet.Row(null, (BoldText, s.Code), (Text, s.Title), (Text, s.Table is null ? "" : $"Biểu {table.i + 1}: {table.t.Title}"), (Text, s.Guidance ?? ""));
        }
        sheet.Blank();
        if (c.Missing.Count > 0)
            sheet.Merged($"Đơn vị cấp dưới chưa gửi báo cáo kỳ này (không được tổng hợp): {string.Join(", ", c.Missing.Select(m => $"{m.UnitName} ({m.Unit})"))}.", Note);
        foreach (var w in c.Warnings)
            sheet.Merged($"Cảnh báo {w.Check} ({w.Path}): {w.Message}", Note);
        sheet.Merged($"Nguồn mẫu: {template.Source} Mức chắc chắn: {(template.Certainty == TemplateCertainty.Confirmed ? "đã đối chiếu văn bản" : "đề xuất, chưa đối chiếu phụ lục")}.", Note);
        sheet.Signatures(c.Header.UnitName, Local(r.CompiledAt));
        return sheet.Build([8, 60, 40, 60]);
    }

    private static Worksheet Table(ReportView view, ReportTemplate template, ReportTable table)
    {
        var c = view.Content;
        var columns = table.Columns;
        var sheet = new SheetWriter(columns.Count);
        sheet.Head(c.Header.UnitName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), template.Form);
        sheet.Merged(template.Title.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), Title, 36);
        sheet.Merged($"{table.Title} – {c.Header.PeriodName}", Plain);
        sheet.Merged(columns.Any(x => x.Unit == "triệu đồng") ? "Đơn vị tính: triệu đồng" : "", Right);
        sheet.Row(36, [.. columns.Select(x => (Header, (object)(x.Unit is { } u && u != "triệu đồng" ? $"{x.Header} ({u})" : x.Header)))]);
        sheet.Row(16, [.. columns.Select(x => (ColumnCode, (object)x.Code))]);

        IReadOnlyList<IReadOnlyDictionary<string, object?>> rows;
        IReadOnlyDictionary<string, object?>? total = null;
        switch (table.Rows)
        {
            case ReportRows.Money:
                rows = [.. c.Money.Rows.Select((m, i) => Fields(("number", i + 1), ("component", m.Component), ("componentName", m.ComponentName),
                    ("source", m.Source.ToString()), ("sourceName", FundingSources.NameOf(m.Source)), ("allocated", m.AllocatedMillions),
                    ("disbursed", m.DisbursedMillions), ("disbursementRate", m.DisbursementRate)))];
                total = Fields(("allocated", c.Money.AllocatedMillions), ("disbursed", c.Money.DisbursedMillions), ("disbursementRate", c.Money.DisbursementRate));
                break;
            case ReportRows.DeclaredFunds:
            {
                var f = c.DeclaredFunds;
                var integrated = Millions(f.Select(x => x.Integrated), template.MoneyDecimals);
                var credit = Millions(f.Select(x => x.Credit), template.MoneyDecimals);
                var contribution = Millions(f.Select(x => x.Contribution), template.MoneyDecimals);
                var sum = Millions(f.Select(x => x.Total), template.MoneyDecimals);
                rows = [.. f.Select((x, i) => Fields(("number", i + 1), ("component", x.Component), ("integrated", integrated[i]), ("credit", credit[i]),
                    ("contribution", contribution[i]), ("total", sum[i])))];
                total = Fields(("integrated", integrated.Sum()), ("credit", credit.Sum()), ("contribution", contribution.Sum()), ("total", sum.Sum()));
                break;
            }
            case ReportRows.Outputs:
                rows = [.. c.Outputs.Select((o, i) => Fields(("number", i + 1), ("indicator", o.Indicator), ("name", o.Name), ("unit", o.Unit), ("planned", o.Planned), ("actual", o.Actual)))];
                break;
            case ReportRows.Poverty:
                rows = [.. c.Poverty.Select((p, i) => Fields(("number", i + 1), ("indicator", p.Indicator), ("name", p.Name), ("unit", p.Unit),
                    ("baseline", p.Baseline), ("target", p.Target), ("actual", p.Actual)))];
                break;
            default:
            {
                var allocated = Millions(c.Children.Select(x => x.Allocated), template.MoneyDecimals);
                var disbursed = Millions(c.Children.Select(x => x.Disbursed), template.MoneyDecimals);
                rows = [.. c.Children.Select((x, i) => Fields(("number", i + 1), ("unit", x.Unit), ("unitName", x.UnitName), ("status", "Đã gửi"), ("version", x.Version),
                        ("submittedAt", Local(x.SubmittedAt).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)), ("allocated", allocated[i]), ("disbursed", disbursed[i])))
                    .Concat(c.Missing.Select((x, i) => Fields(("number", c.Children.Count + i + 1), ("unit", x.Unit), ("unitName", x.UnitName), ("status", "Chưa gửi"))))];
                total = Fields(("allocated", allocated.Sum()), ("disbursed", disbursed.Sum()));
                break;
            }
        }
        foreach (var row in rows)
            sheet.Row(null, [.. columns.Select(x => Cell(x, row.GetValueOrDefault(x.Field), bold: false))]);
        if (total is not null)
        {
            // the total's label goes in the first column that is not a number
            var label = columns.Select((x, i) => (x, i)).FirstOrDefault(x => x.x.Field != "number" && !total.ContainsKey(x.x.Field)).i;
            sheet.Row(null, [.. columns.Select((x, i) => i == label ? (BoldText, (object)"Tổng cộng") : Cell(x, total.GetValueOrDefault(x.Field), bold: true))]);
        }
        sheet.Blank();
        sheet.Merged($"Nguồn mẫu: {template.Source}", Note);
        sheet.Signatures(c.Header.UnitName, Local(view.Report.CompiledAt));
        return sheet.Build([.. columns.Select(x => x.Field is "number" ? 6d : x.Field is "componentName" or "name" or "unitName" or "sourceName" ? 40d : 14d)]);
    }

    private static (uint, object) Cell(ReportColumn column, object? value, bool bold) => value switch
    {
        null => (bold ? BoldText : Text, ""),
        string s => (bold ? BoldText : Text, s),
        _ when column.Field is "disbursementRate" || column.Unit == "%" => (bold ? BoldRate : Rate, value),
        _ => (bold ? BoldAmount : Amount, value),
    };

    private static IReadOnlyDictionary<string, object?> Fields(params (string Field, object? Value)[] fields) =>
        fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal);

    /// <summary>Each amount in triệu đồng, rounded so the column adds up to its rounded total.</summary>
    private static decimal[] Millions(IEnumerable<long> amounts, int decimals) =>
        [.. Vnd.RoundMillionsAddingUp([.. amounts], decimals).Select(a => (decimal)a / Vnd.OneMillion)];

    private static DateTime Local(DateTimeOffset at) => at.ToOffset(WorkingCalendar.VietnamOffset).DateTime;

    /// <summary>Rows written top to bottom, cells left to right, texts inline so the sheet needs no shared table.</summary>
    private sealed class SheetWriter(int columns)
    {
        private readonly List<Row> rows = [];
        private readonly List<string> merges = [];

        public void Head(string unit, string form)
        {
            var row = NewRow(30);
            Append(row, 1, Plain, unit);
            Append(row, Math.Max(2, columns), Right, form);
        }

        public void Merged(string text, uint style, double height = 20)
        {
            var row = NewRow(Math.Max(height, 15.75 * Math.Ceiling(text.Length / 110d) + 4));
            Append(row, 1, style, text);
            if (columns > 1) merges.Add($"A{row.RowIndex}:{ColumnName(columns)}{row.RowIndex}");
        }

        public void Blank() => NewRow(8);

        public void Row(double? height, params (uint Style, object? Value)[] cells)
        {
            var row = NewRow(height);
            for (var i = 0; i < cells.Length; i++) Append(row, i + 1, cells[i].Style, cells[i].Value);
        }

        public void Signatures(string unitName, DateTime date)
        {
            Blank();
            var right = Math.Max(2, columns);
            var place = NewRow(18);
            Append(place, right, SignatureHint, $"Ngày {date:dd} tháng {date:MM} năm {date:yyyy}");
            var roles = NewRow(18);
            Append(roles, 1, Signature, "NGƯỜI LẬP BIỂU");
            Append(roles, right, Signature, $"THỦ TRƯỞNG ĐƠN VỊ ({unitName})");
            var hints = NewRow(18);
            Append(hints, 1, SignatureHint, "(Ký, ghi rõ họ tên)");
            Append(hints, right, SignatureHint, "(Ký, ghi rõ họ tên, đóng dấu)");
        }

        public Worksheet Build(IReadOnlyList<double> widths)
        {
            var worksheet = new Worksheet(
                new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                new SheetData(rows));
            if (merges.Count > 0) worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
            worksheet.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape });
            return worksheet;
        }

        private Row NewRow(double? height)
        {
            var row = new Row { RowIndex = (uint)rows.Count + 1 };
            if (height is { } h) { row.Height = h; row.CustomHeight = true; }
            rows.Add(row);
            return row;
        }

        private static void Append(Row row, int column, uint style, object? value)
        {
            var reference = $"{ColumnName(column)}{row.RowIndex}";
            // cells in column order: a later cell of a lower column would be out of order
            if (row.Elements<Cell>().Any(c => c.CellReference == reference)) return;
            row.Append(value switch
            {
                null => new Cell { CellReference = reference, StyleIndex = style },
                string s => new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s) { Space = SpaceProcessingModeValues.Preserve }) },
                IFormattable n => new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.Number, CellValue = new CellValue(n.ToString(null, CultureInfo.InvariantCulture)) },
                _ => new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString() ?? "")) },
            });
        }

        private static string ColumnName(int column)
        {
            var name = "";
            for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
            return name;
        }
    }

    private static Stylesheet Styles(int moneyDecimals)
    {
        Font F(bool bold = false, bool italic = false, double size = 12)
        {
            var f = new Font();
            if (bold) f.Append(new Bold());
            if (italic) f.Append(new Italic());
            f.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" }, new FontFamilyNumbering { Val = 1 }, new FontCharSet { Val = 163 });
            return f;
        }
        var fonts = new Fonts(F(), F(bold: true), F(bold: true, size: 14), F(italic: true)) { Count = 4 };
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 };
        BorderPropertiesType Thin<T>() where T : BorderPropertiesType, new() => new T { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder()))
        { Count = 2 };
        const uint amountFormat = 164, rateFormat = 165;
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = amountFormat, FormatCode = moneyDecimals == 0 ? "#,##0" : "#,##0." + new string('0', moneyDecimals) },
            new NumberingFormat { NumberFormatId = rateFormat, FormatCode = "0.00" })
        { Count = 2 };
        CellFormat X(uint font = 0, uint border = 0, uint number = 0, HorizontalAlignmentValues? horizontal = null, bool wrap = false)
        {
            var format = new CellFormat { FontId = font, FillId = 0, BorderId = border, NumberFormatId = number, FormatId = 0,
                ApplyFont = font != 0, ApplyBorder = border != 0, ApplyNumberFormat = number != 0, ApplyAlignment = true };
            var alignment = new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = wrap };
            if (horizontal is { } h) alignment.Horizontal = h;
            format.Append(alignment);
            return format;
        }
        var center = HorizontalAlignmentValues.Center;
        var cellFormats = new CellFormats(
            X(),                                                    // 0
            X(font: 2, horizontal: center, wrap: true),             // 1 Title
            X(font: 3, horizontal: HorizontalAlignmentValues.Right),// 2 Right
            X(font: 1, border: 1, horizontal: center, wrap: true),  // 3 Header
            X(border: 1, wrap: true),                               // 4 Text
            X(border: 1, number: amountFormat),                     // 5 Amount
            X(border: 1, number: rateFormat),                       // 6 Rate
            X(font: 1, border: 1, wrap: true),                      // 7 BoldText
            X(font: 1, border: 1, number: amountFormat),            // 8 BoldAmount
            X(font: 3, wrap: true),                                 // 9 Note
            X(font: 1, horizontal: center),                         // 10 Signature
            X(font: 3, horizontal: center),                         // 11 SignatureHint
            X(font: 3, border: 1, horizontal: center),              // 12 ColumnCode
            X(font: 1, border: 1, number: rateFormat),              // 13 BoldRate
            X(wrap: true))                                          // 14 Plain
        { Count = 15 };
        return new Stylesheet(formats, fonts, fills, borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
