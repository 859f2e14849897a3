using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MediatR;
using Workflow.Api.Features.Reports.PlanReport;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Features.Reports.ExportPlanReport;

/// <summary>The plan report as a file an official files or opens in Excel: <c>csv</c> (whole đồng) or <c>xlsx</c> (triệu đồng, plus a sheet in đồng).</summary>
public sealed record ExportPlanReportQuery(Guid PlanId, string? Format) : IRequest<ReportFile>;

public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

public sealed class ExportPlanReportHandler(IMediator mediator) : IRequestHandler<ExportPlanReportQuery, ReportFile>
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<ReportFile> Handle(ExportPlanReportQuery request, CancellationToken cancellationToken)
    {
        var format = request.Format?.Trim().ToLowerInvariant();
        if (format is not ("csv" or "xlsx"))
            throw new ValidationFailedException("format", string.IsNullOrWhiteSpace(request.Format)
                ? "Chọn định dạng tệp: csv hoặc xlsx."
                : $"Định dạng '{request.Format}' không được hỗ trợ; dùng csv hoặc xlsx.");

        var report = await mediator.Send(new GetPlanReportQuery(request.PlanId), cancellationToken);
        var name = $"bao-cao-ke-hoach-{report.Unit.Code}-{report.FiscalYear}.{format}";
        return format == "csv"
            ? new ReportFile(ReportCsv.Write(report), CsvContentType, name)
            : new ReportFile(ReportXlsx.Write(report), XlsxContentType, name);
    }
}

/// <summary>Words and numbers shared by both formats.</summary>
internal static class ReportText
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string ShortName(FundingSource source) => FundingSources.ShortNameOf(source);

    /// <summary>The report's moment as a date in Vietnam.</summary>
    public static DateTime LocalDate(PlanReport.PlanReport report) => report.GeneratedAt.ToOffset(WorkingCalendar.VietnamOffset).DateTime;

    /// <summary>"Huyện Hớn Quản" → "Hớn Quản", for the place line above the signatures.</summary>
    public static string PlaceOf(string unitName)
    {
        string[] prefixes = ["Thành phố ", "Thị xã ", "Thị trấn ", "Huyện ", "Tỉnh ", "Quận ", "Xã ", "Phường "];
        var prefix = prefixes.FirstOrDefault(p => unitName.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        return prefix is null ? unitName : unitName[prefix.Length..];
    }
}

/// <summary>
/// CSV in whole đồng, one row per line and budget source, then the totals per source and overall. UTF-8 with a byte
/// order mark so Excel on Vietnamese Windows reads the diacritics; comma separated (RFC 4180); numbers without
/// grouping; the rate in percent with a point as decimal separator.
/// </summary>
internal static class ReportCsv
{
    public static readonly string[] Headers =
    [
        "STT", "Mã dự án", "Nội dung", "Cơ quan chủ trì", "Nguồn vốn", "Kế hoạch giao", "Đã cam kết", "Đã giải ngân",
        "Tạm ứng chưa thu hồi", "Đã quyết toán", "Còn lại", "Tỷ lệ giải ngân (%)",
    ];

    public static byte[] Write(PlanReport.PlanReport report)
    {
        using var memory = new MemoryStream();
        using (var writer = new StreamWriter(memory, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            foreach (var header in Headers) csv.WriteField(header);
            csv.NextRecord();
            foreach (var line in report.Lines)
                foreach (var source in FundingSources.Budget)
                    Row(csv, line.Number.ToString(CultureInfo.InvariantCulture), line.Component, line.ComponentName, line.LeadAgencyName, ReportText.ShortName(source), line.Sources[source]);
            foreach (var source in FundingSources.Budget)
                Row(csv, "", "", "Tổng cộng", "", ReportText.ShortName(source), report.Totals.Sources[source]);
            Row(csv, "", "", "Tổng cộng", "", "Tất cả các nguồn", report.Totals.Total);
            // a plan on a provisional catalogue says so in every copy of it
            if (report.Catalogue.Notice is { } notice)
            {
                csv.WriteField("Ghi chú");
                csv.WriteField("");
                csv.WriteField(notice);
                csv.NextRecord();
            }
        }
        return memory.ToArray();
    }

    private static void Row(CsvWriter csv, string number, string component, string content, string agency, string source, Figures f)
    {
        csv.WriteField(number);
        csv.WriteField(component);
        csv.WriteField(content);
        csv.WriteField(agency);
        csv.WriteField(source);
        foreach (var amount in new[] { f.Allocated, f.Committed, f.Disbursed, f.AdvancesOutstanding, f.Settled, f.Remaining })
            csv.WriteField(amount.ToString(CultureInfo.InvariantCulture));
        csv.WriteField((f.DisbursementRate * 100).ToString("0.00", CultureInfo.InvariantCulture));
        csv.NextRecord();
    }
}

/// <summary>
/// The report as officials lay out a plan table: title, unit of measure, a two-level header with column numbers,
/// block I by component (dự án, tiểu dự án) with its total, block II by lead agency with its total, notes and the
/// signature block. Sheet "Báo cáo" in triệu đồng, sheet "Chi tiết (đồng)" the same rows in whole đồng. Numbers are
/// numeric cells; text goes through the shared string table.
/// </summary>
internal static class ReportXlsx
{
    public const string MainSheet = "Báo cáo";
    public const string DetailSheet = "Chi tiết (đồng)";

    private const int Columns = 14; // A … N
    private const int HeaderTop = 5; // rows 5–7: header, sub-header, column numbers

    /// <summary>Column widths in characters: amounts in triệu đồng need less room than whole đồng.</summary>
    private static readonly double[] MillionsWidths = [6, 46, 13, 13, 11, 11, 11, 13, 13, 12, 13, 13, 10, 32];
    private static readonly double[] DongWidths = [6, 44, 16, 16, 14, 14, 14, 16, 16, 14, 16, 16, 10, 32];

    // cell formats, by index in the stylesheet below
    private const uint Title = 1, Subtitle = 2, UnitNote = 3, Header = 4, Plain = 5, Center = 6, Millions = 7, Percent = 8,
        BoldText = 9, BoldCenter = 10, BoldMillions = 11, BoldPercent = 12, Dong = 13, BoldDong = 14, Note = 15, Signature = 16,
        SignatureHint = 17, ColumnNumber = 18, BlockText = 19, Place = 20;

    public static byte[] Write(PlanReport.PlanReport report)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var strings = new SharedStrings(workbookPart.AddNewPart<SharedStringTablePart>());

            var sheets = new Sheets();
            var names = new DefinedNames();
            uint index = 0;
            foreach (var (name, inMillions) in new[] { (MainSheet, true), (DetailSheet, false) })
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Sheet(report, inMillions, strings);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = index + 1, Name = name });
                // the header rows repeat on every printed page
                names.Append(new DefinedName($"'{name}'!${HeaderTop}:${HeaderTop + 2}") { Name = "_xlnm.Print_Titles", LocalSheetId = index });
                index++;
            }
            workbookPart.Workbook.Append(sheets, names);
            strings.Save();
            workbookPart.Workbook.Save();
        }
        return memory.ToArray();
    }

    private static Worksheet Sheet(PlanReport.PlanReport report, bool inMillions, SharedStrings strings)
    {
        var rows = new List<Row>();
        var merges = new List<string>();
        var amount = inMillions ? Millions : Dong;
        var boldAmount = inMillions ? BoldMillions : BoldDong;
        var date = ReportText.LocalDate(report);
        var widths = inMillions ? MillionsWidths : DongWidths;

        Row NewRow(double? height = null)
        {
            var row = new Row { RowIndex = (uint)rows.Count + 1 };
            if (height is { } h)
            {
                row.Height = h;
                row.CustomHeight = true;
            }
            rows.Add(row);
            return row;
        }

        void Merge(int fromColumn, int fromRow, int toColumn, int toRow) => merges.Add($"{Ref(fromColumn, fromRow)}:{Ref(toColumn, toRow)}");

        // 1–4: title, subtitle, a spacer, unit of measure
        var title = NewRow(24);
        TextCells(title, strings, Title, $"BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾ HOẠCH VỐN NĂM {report.FiscalYear} – {report.Unit.Name.ToUpper(ReportText.Vietnamese)}");
        Merge(1, 1, Columns, 1);
        var subtitle = NewRow(18);
        var decision = report.DecisionNumber is null ? "" : $"Kế hoạch số {report.DecisionNumber}{(report.DecisionDate is { } d ? $" ngày {d:dd/MM/yyyy}" : "")}; ";
        TextCells(subtitle, strings, Subtitle,
            $"Chương trình mục tiêu quốc gia giảm nghèo bền vững – {decision}kế hoạch phiên bản {report.Version}; số liệu đến ngày {date:dd/MM/yyyy}");
        Merge(1, 2, Columns, 2);
        NewRow(8);
        var unitRow = NewRow(18);
        TextCells(unitRow, strings, UnitNote, inMillions ? "Đơn vị tính: triệu đồng" : "Đơn vị tính: đồng");
        Merge(1, 4, Columns, 4);

        // 5–7: two-level header and column numbers
        var top = NewRow(36);
        var sub = NewRow(36);
        string[] topTexts = ["STT", "Nội dung", "Kế hoạch vốn giao", "", "", "", "", "Đã cam kết", "Đã giải ngân", "Tạm ứng chưa thu hồi",
            "Đã quyết toán", "Còn lại (chưa cam kết)", "Tỷ lệ giải ngân", "Cơ quan chủ trì"];
        string[] subTexts = ["", "", "Tổng số", ReportText.ShortName(FundingSource.Central), ReportText.ShortName(FundingSource.Provincial),
            ReportText.ShortName(FundingSource.District), ReportText.ShortName(FundingSource.Commune), "", "", "", "", "", "", ""];
        for (var c = 1; c <= Columns; c++)
        {
            AppendText(top, c, topTexts[c - 1], Header, strings);
            AppendText(sub, c, subTexts[c - 1], Header, strings);
            if (c is < 3 or > 7) Merge(c, HeaderTop, c, HeaderTop + 1);
        }
        Merge(3, HeaderTop, 7, HeaderTop);
        var numbers = NewRow(16);
        string[] numberTexts = ["A", "B", "1=2+3+4+5", "2", "3", "4", "5", "6", "7", "8", "9", "10=1-6", "11=7/1", "C"];
        for (var c = 1; c <= Columns; c++) AppendText(numbers, c, numberTexts[c - 1], ColumnNumber, strings);

        void FigureRow(string number, string content, string lead, IReadOnlyDictionary<FundingSource, Figures> sources, Figures total, bool bold)
        {
            var row = NewRow(HeightFor(Math.Max(Lines(content, widths[1]), Lines(lead, widths[13]))));
            AppendText(row, 1, number, bold ? BoldCenter : Center, strings);
            AppendText(row, 2, content, bold ? BoldText : Plain, strings);
            var style = bold ? boldAmount : amount;
            AppendNumber(row, 3, total.Allocated, inMillions, style);
            var column = 4;
            foreach (var source in FundingSources.Budget) AppendNumber(row, column++, sources[source].Allocated, inMillions, style);
            AppendNumber(row, 8, total.Committed, inMillions, style);
            AppendNumber(row, 9, total.Disbursed, inMillions, style);
            AppendNumber(row, 10, total.AdvancesOutstanding, inMillions, style);
            AppendNumber(row, 11, total.Settled, inMillions, style);
            AppendNumber(row, 12, total.Remaining, inMillions, style);
            AppendCell(row, 13, new Cell { DataType = CellValues.Number, CellValue = new CellValue(total.DisbursementRate.ToString(CultureInfo.InvariantCulture)), StyleIndex = bold ? BoldPercent : Percent });
            AppendText(row, 14, lead, bold ? BoldText : Plain, strings);
        }

        void BlockRow(string number, string content)
        {
            var row = NewRow(20);
            AppendText(row, 1, number, BoldCenter, strings);
            AppendText(row, 2, content, BlockText, strings);
            for (var c = 3; c <= Columns; c++) AppendText(row, c, "", Plain, strings);
        }

        // block I: by component
        BlockRow("I", "THEO DỰ ÁN, TIỂU DỰ ÁN");
        foreach (var line in report.Lines)
            FigureRow(line.Number.ToString(CultureInfo.InvariantCulture), line.ComponentName, line.LeadAgencyName, line.Sources, line.Total, bold: false);
        FigureRow("", "Tổng cộng", "", report.Totals.Sources, report.Totals.Total, bold: true);

        // block II: by lead agency
        BlockRow("II", "THEO CƠ QUAN CHỦ TRÌ");
        var n = 1;
        foreach (var agency in report.Agencies)
            FigureRow((n++).ToString(CultureInfo.InvariantCulture), agency.AgencyName, "Thực hiện: " + string.Join(", ", agency.Components), agency.Sources, agency.Total, bold: false);
        FigureRow("", "Tổng cộng", "", report.Totals.Sources, report.Totals.Total, bold: true);

        // notes
        NewRow(8);
        var notes = new[]
        {
            report.Catalogue.Notice,
            "Ghi chú: Tỷ lệ giải ngân (11) = Đã giải ngân (7) ÷ Kế hoạch vốn giao (1). Còn lại (10) = Kế hoạch vốn giao (1) − Đã cam kết (6). " +
            "Đã giải ngân tính theo số Kho bạc đã xác nhận chi; Tạm ứng chưa thu hồi là tạm ứng đã chi chưa được thanh toán hoàn ứng.",
            report.Reconciled
                ? "Đối chiếu sổ: số dư từng dòng, từng nguồn khớp với tổng các bút toán (khớp)."
                : $"Đối chiếu sổ: KHÔNG KHỚP – {report.Mismatches.Count} chênh lệch giữa số dư và bút toán; đề nghị kiểm tra trước khi sử dụng số liệu.",
        };
        foreach (var text in notes.OfType<string>())
        {
            var row = NewRow(HeightFor(Lines(text, widths.Sum() * 0.95)));
            TextCells(row, strings, Note, text);
            Merge(1, (int)row.RowIndex!.Value, Columns, (int)row.RowIndex.Value);
        }

        // signatures
        NewRow(10);
        var place = NewRow(18);
        AppendText(place, 10, $"{ReportText.PlaceOf(report.Unit.Name)}, ngày {date:dd} tháng {date:MM} năm {date:yyyy}", Place, strings);
        Merge(10, (int)place.RowIndex!.Value, Columns, (int)place.RowIndex.Value);
        var roles = NewRow(18);
        AppendText(roles, 2, "NGƯỜI LẬP BIỂU", Signature, strings);
        AppendText(roles, 10, "THỦ TRƯỞNG ĐƠN VỊ", Signature, strings);
        Merge(10, (int)roles.RowIndex!.Value, Columns, (int)roles.RowIndex.Value);
        var hints = NewRow(18);
        AppendText(hints, 2, "(Ký, ghi rõ họ tên)", SignatureHint, strings);
        AppendText(hints, 10, "(Ký, ghi rõ họ tên, đóng dấu)", SignatureHint, strings);
        Merge(10, (int)hints.RowIndex!.Value, Columns, (int)hints.RowIndex.Value);

        var columns = new DocumentFormat.OpenXml.Spreadsheet.Columns(widths.Select((w, i) =>
            new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        var mergeCells = new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count };

        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = HeaderTop + 2, TopLeftCell = $"A{HeaderTop + 3}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{HeaderTop + 3}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{HeaderTop + 3}" } })
            { WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15.75 },
            columns,
            new SheetData(rows),
            mergeCells,
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
            new HeaderFooter(new OddFooter($"&L&8{Escape(report.Unit.Name)} – kế hoạch vốn năm {report.FiscalYear}&R&8Trang &P/&N")));
    }

    /// <summary>&amp; starts a code in header and footer text.</summary>
    private static string Escape(string text) => text.Replace("&", "&&");

    /// <summary>
    /// How many lines a wrapped text takes in a column of the given width, roughly: a width unit is a digit of the
    /// default font, and Times New Roman 12 fits about 1.15 average characters in it; word breaks waste a little.
    /// The heights are set here so the layout does not depend on the spreadsheet program fitting rows on opening.
    /// </summary>
    private static int Lines(string text, double width) =>
        Math.Max(1, (int)Math.Ceiling(text.Length / Math.Max(1, width * 1.15 - 2)));

    private static double HeightFor(int lines) => Math.Max(18, 15.75 * lines + 3);

    private static void TextCells(Row row, SharedStrings strings, uint style, string text)
    {
        AppendText(row, 1, text, style, strings);
        for (var c = 2; c <= Columns; c++) AppendCell(row, c, new Cell { StyleIndex = style });
    }

    private static void AppendText(Row row, int column, string text, uint style, SharedStrings strings) =>
        AppendCell(row, column, text.Length == 0
            ? new Cell { StyleIndex = style }
            : new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.IndexOf(text).ToString(CultureInfo.InvariantCulture)), StyleIndex = style });

    /// <summary>Whole đồng, or triệu đồng with the exact fraction (1 đồng = 0.000001 triệu).</summary>
    private static void AppendNumber(Row row, int column, long amount, bool inMillions, uint style)
    {
        var value = inMillions ? (amount / 1_000_000m).ToString(CultureInfo.InvariantCulture) : amount.ToString(CultureInfo.InvariantCulture);
        AppendCell(row, column, new Cell { DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = style });
    }

    /// <summary>Cells must come in column order, each with its reference.</summary>
    private static void AppendCell(Row row, int column, Cell cell)
    {
        cell.CellReference = Ref(column, (int)row.RowIndex!.Value);
        row.Append(cell);
    }

    private static string Ref(int column, int row) => $"{ColumnName(column)}{row}";

    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    private static Stylesheet Styles()
    {
        const string font = "Times New Roman";
        Font F(bool bold = false, bool italic = false, double size = 12)
        {
            var f = new Font();
            if (bold) f.Append(new Bold());
            if (italic) f.Append(new Italic());
            f.Append(new FontSize { Val = size }, new FontName { Val = font }, new FontFamilyNumbering { Val = 1 }, new FontCharSet { Val = 163 });
            return f;
        }

        var fonts = new Fonts(F(), F(bold: true), F(bold: true, size: 14), F(italic: true), F(bold: true, italic: true)) { Count = 5 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 };

        BorderPropertiesType Thin<T>() where T : BorderPropertiesType, new() => new T { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder()))
        { Count = 2 };

        const uint millionsFormat = 164, dongFormat = 165, percentFormat = 10;
        var numberFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = millionsFormat, FormatCode = "#,##0.000" },
            new NumberingFormat { NumberFormatId = dongFormat, FormatCode = "#,##0" })
        { Count = 2 };

        CellFormat X(uint fontId = 0, uint fillId = 0, uint borderId = 0, uint numberFormatId = 0,
            HorizontalAlignmentValues? horizontal = null, VerticalAlignmentValues? vertical = null, bool wrap = false)
        {
            var format = new CellFormat
            {
                FontId = fontId, FillId = fillId, BorderId = borderId, NumberFormatId = numberFormatId, FormatId = 0,
                ApplyFont = fontId != 0, ApplyFill = fillId != 0, ApplyBorder = borderId != 0, ApplyNumberFormat = numberFormatId != 0,
            };
            if (horizontal is not null || vertical is not null || wrap)
            {
                format.ApplyAlignment = true;
                var alignment = new Alignment { Vertical = vertical ?? VerticalAlignmentValues.Center };
                if (horizontal is { } h) alignment.Horizontal = h;
                if (wrap) alignment.WrapText = true;
                format.Append(alignment);
            }
            return format;
        }

        var center = HorizontalAlignmentValues.Center;
        var left = HorizontalAlignmentValues.Left;
        var right = HorizontalAlignmentValues.Right;
        var middle = VerticalAlignmentValues.Center;
        var formats = new CellFormats(
            X(),                                                                                    // 0 default
            X(fontId: 2, horizontal: center, vertical: middle, wrap: true),                          // 1 Title
            X(fontId: 3, horizontal: center, vertical: middle, wrap: true),                          // 2 Subtitle
            X(fontId: 3, horizontal: right, vertical: middle),                                       // 3 UnitNote
            X(fontId: 1, fillId: 2, borderId: 1, horizontal: center, vertical: middle, wrap: true),  // 4 Header
            X(borderId: 1, horizontal: left, vertical: middle, wrap: true),                          // 5 Plain
            X(borderId: 1, horizontal: center, vertical: middle),                                    // 6 Center
            X(borderId: 1, numberFormatId: millionsFormat, vertical: middle),                        // 7 Millions
            X(borderId: 1, numberFormatId: percentFormat, vertical: middle),                         // 8 Percent
            X(fontId: 1, borderId: 1, horizontal: left, vertical: middle, wrap: true),               // 9 BoldText
            X(fontId: 1, borderId: 1, horizontal: center, vertical: middle),                         // 10 BoldCenter
            X(fontId: 1, borderId: 1, numberFormatId: millionsFormat, vertical: middle),             // 11 BoldMillions
            X(fontId: 1, borderId: 1, numberFormatId: percentFormat, vertical: middle),              // 12 BoldPercent
            X(borderId: 1, numberFormatId: dongFormat, vertical: middle),                            // 13 Dong
            X(fontId: 1, borderId: 1, numberFormatId: dongFormat, vertical: middle),                 // 14 BoldDong
            X(fontId: 3, horizontal: left, vertical: VerticalAlignmentValues.Top, wrap: true),       // 15 Note
            X(fontId: 1, horizontal: center, vertical: middle),                                      // 16 Signature
            X(fontId: 3, horizontal: center, vertical: middle),                                      // 17 SignatureHint
            X(fontId: 3, borderId: 1, horizontal: center, vertical: middle),                         // 18 ColumnNumber
            X(fontId: 1, borderId: 1, horizontal: left, vertical: middle),                           // 19 BlockText
            X(fontId: 3, horizontal: center, vertical: middle))                                      // 20 Place
        { Count = 21 };

        return new Stylesheet(
            numberFormats, fonts, fills, borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    /// <summary>The workbook's shared string table: each distinct text once, cells refer to it by index.</summary>
    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];
        private int _references;

        public int IndexOf(string text)
        {
            _references++;
            if (_index.TryGetValue(text, out var i)) return i;
            _index[text] = _texts.Count;
            _texts.Add(text);
            return _texts.Count - 1;
        }

        public void Save()
        {
            part.SharedStringTable = new SharedStringTable(_texts.Select(t => new SharedStringItem(new Text(t) { Space = SpaceProcessingModeValues.Preserve })))
            {
                Count = (uint)_references,
                UniqueCount = (uint)_texts.Count,
            };
            part.SharedStringTable.Save();
        }
    }
}
