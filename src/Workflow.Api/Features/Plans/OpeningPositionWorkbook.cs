using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Money;
using Workflow.Domain.Opening;
using Workflow.Domain.Proposals;

namespace Workflow.Api.Features.Plans;

/// <summary>What a column holds: how it is read and how the template formats it.</summary>
public enum OpeningCellKind { Text, Amount, Date, Choice }

/// <param name="Field">The last part of an error path: <c>proposals.rows[5].Central</c>.</param>
public sealed record OpeningColumn(string Field, string Header, OpeningCellKind Kind, bool Required, string? ListName = null);

/// <summary>
/// The opening-position workbook (docs/lifecycle.md, "Going live mid-year"): three sheets to fill — «Đề xuất»,
/// «Giải ngân», «Quyết toán» — with headers in row 1 and one item per row from row 2, columns in a fixed order;
/// and three to read — «Hướng dẫn», «Dòng kế hoạch» (the plan's lines, pre-filled) and «Danh mục» (the choices).
/// Written and read with DocumentFormat.OpenXml only.
/// </summary>
public static class OpeningPositionWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;
    public const string GuideSheet = "Hướng dẫn";
    public const string LinesSheet = "Dòng kế hoạch";
    public const string ListsSheet = "Danh mục";

    private static IEnumerable<OpeningColumn> Amounts(string what) => FundingSources.Budget.Select(s =>
        new OpeningColumn(s.ToString(), $"{what} {FundingSources.ShortNameOf(s)} (đồng)", OpeningCellKind.Amount, false));

    public static readonly IReadOnlyList<OpeningColumn> ProposalColumns =
    [
        new("key", "STT đề xuất", OpeningCellKind.Text, true),
        new("component", "Mã dự án (dòng kế hoạch)", OpeningCellKind.Choice, true, "DS_DongKeHoach"),
        new("agency", "Cơ quan chủ trì (mã)", OpeningCellKind.Choice, false, "DS_CoQuan"),
        new("title", "Tên dự án / mô hình / hoạt động", OpeningCellKind.Text, true),
        new("kind", "Loại", OpeningCellKind.Choice, true, "DS_Loai"),
        new("areaType", "Địa bàn", OpeningCellKind.Choice, true, "DS_DiaBan"),
        new("decisionNumber", "Số quyết định phê duyệt", OpeningCellKind.Text, true),
        new("decisionDate", "Ngày quyết định", OpeningCellKind.Date, true),
        new("totalCost", "Tổng kinh phí (đồng)", OpeningCellKind.Amount, true),
        new("stateSupport", "Ngân sách hỗ trợ (đồng)", OpeningCellKind.Amount, true),
        .. Amounts("Trong đó"),
    ];

    public static readonly IReadOnlyList<OpeningColumn> DisbursementColumns =
    [
        new("proposal", "STT đề xuất", OpeningCellKind.Text, true),
        new("kind", "Loại (Tạm ứng / Thanh toán)", OpeningCellKind.Choice, true, "DS_LoaiGiaiNgan"),
        .. Amounts("Đã chi"),
        new("treasuryReference", "Số chứng từ kho bạc", OpeningCellKind.Text, true),
        new("paidOn", "Ngày kho bạc thanh toán", OpeningCellKind.Date, true),
    ];

    public static readonly IReadOnlyList<OpeningColumn> SettlementColumns =
    [
        new("proposal", "STT đề xuất", OpeningCellKind.Text, true),
        new("outputs", "Kết quả nghiệm thu (sản phẩm, khối lượng)", OpeningCellKind.Text, true),
        new("acceptedOn", "Ngày nghiệm thu", OpeningCellKind.Date, false),
        .. Amounts("Chi phí thực tế"),
    ];

    public static readonly IReadOnlyList<(OpeningSheet Sheet, IReadOnlyList<OpeningColumn> Columns)> InputSheets =
    [
        (OpeningSheet.Proposals, ProposalColumns), (OpeningSheet.Disbursements, DisbursementColumns), (OpeningSheet.Settlements, SettlementColumns),
    ];

    public static readonly IReadOnlyList<(ProposalKind Kind, string Name)> Kinds =
        Enum.GetValues<ProposalKind>().Select(k => (k, Capitalize(ProposalRules.KindName(k)))).ToList();

    public static readonly IReadOnlyList<(AreaType Area, string Name)> Areas =
        Enum.GetValues<AreaType>().Select(a => (a, Capitalize(ProposalRules.AreaName(a)))).ToList();

    public static readonly IReadOnlyList<(DisbursementKind Kind, string Name)> DisbursementKinds =
        [(DisbursementKind.Advance, "Tạm ứng"), (DisbursementKind.Payment, "Thanh toán")];

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    // ------------------------------------------------------------------ template

    /// <summary>A plan line as the template lists it.</summary>
    public sealed record TemplateLine(string Component, string ComponentName, string AgencyCode, string AgencyName, SourceAmounts Allocated, SourceAmounts Uncommitted);

    public static byte[] WriteTemplate(string title, IReadOnlyList<TemplateLine> lines)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = new Sheets();
            var names = new DefinedNames();
            uint id = 1;
            void Add(string name, Worksheet worksheet)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = worksheet;
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            foreach (var (sheet, columns) in InputSheets) Add(sheet.Title, InputSheet(columns));
            Add(LinesSheet, LinesWorksheet(lines));
            Add(ListsSheet, ListsWorksheet());
            Add(GuideSheet, GuideWorksheet(title));

            var last = Math.Max(2, lines.Count + 1);
            names.Append(new DefinedName($"'{LinesSheet}'!$A$2:$A${last}") { Name = "DS_DongKeHoach" });
            names.Append(new DefinedName($"'{LinesSheet}'!$C$2:$C${last}") { Name = "DS_CoQuan" });
            names.Append(new DefinedName($"'{ListsSheet}'!$A$2:$A${Kinds.Count + 1}") { Name = "DS_Loai" });
            names.Append(new DefinedName($"'{ListsSheet}'!$B$2:$B${Areas.Count + 1}") { Name = "DS_DiaBan" });
            names.Append(new DefinedName($"'{ListsSheet}'!$C$2:$C${DisbursementKinds.Count + 1}") { Name = "DS_LoaiGiaiNgan" });
            workbookPart.Workbook.Append(sheets, names);
            workbookPart.Workbook.Save();
        }
        return memory.ToArray();
    }

    private const uint Header = 1, AmountStyle = 2, DateStyle = 3, Wrap = 4;

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }) { Count = 5 });

    private static Worksheet InputSheet(IReadOnlyList<OpeningColumn> columns)
    {
        var header = new Row { RowIndex = 1, Height = 45, CustomHeight = true };
        for (var c = 0; c < columns.Count; c++) header.Append(Text(c + 1, 1, columns[c].Header + (columns[c].Required ? " *" : ""), Header));
        var validations = new DataValidations();
        for (var c = 0; c < columns.Count; c++)
        {
            var range = $"{ColumnName(c + 1)}2:{ColumnName(c + 1)}{MaxRows + 1}";
            if (columns[c].ListName is { } list)
                validations.Append(new DataValidation(new Formula1(list))
                    { Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, SequenceOfReferences = new ListValue<StringValue> { InnerText = range } });
        }
        validations.Count = (uint)validations.ChildElements.Count;
        var widths = new Columns(columns.Select((col, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), CustomWidth = true,
            Width = col.Field is "title" or "outputs" ? 45 : col.Kind == OpeningCellKind.Amount ? 18 : 16,
            Style = col.Kind switch { OpeningCellKind.Amount => AmountStyle, OpeningCellKind.Date => DateStyle, _ => 0U },
        }));
        var worksheet = new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            widths, new SheetData(header));
        if (validations.Count > 0) worksheet.Append(validations);
        return worksheet;
    }

    private static Worksheet LinesWorksheet(IReadOnlyList<TemplateLine> lines)
    {
        string[] headers =
        [
            "Mã dự án", "Nội dung", "Cơ quan chủ trì (mã)", "Tên cơ quan chủ trì",
            .. FundingSources.Budget.Select(s => $"Giao {FundingSources.ShortNameOf(s)}"),
            .. FundingSources.Budget.Select(s => $"Còn chưa cam kết {FundingSources.ShortNameOf(s)}"),
        ];
        var rows = new List<Row> { new Row(headers.Select((h, i) => Text(i + 1, 1, h, Header))) { RowIndex = 1 } };
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var r = (uint)(i + 2);
            var row = new Row { RowIndex = r };
            row.Append(Text(1, r, l.Component), Text(2, r, l.ComponentName), Text(3, r, l.AgencyCode), Text(4, r, l.AgencyName));
            var c = 5;
            foreach (var s in FundingSources.Budget) row.Append(Number(c++, r, l.Allocated[s]));
            foreach (var s in FundingSources.Budget) row.Append(Number(c++, r, l.Uncommitted[s]));
            rows.Add(row);
        }
        return new Worksheet(new Columns(Enumerable.Range(1, headers.Length).Select(i => new Column
            { Min = (uint)i, Max = (uint)i, CustomWidth = true, Width = i switch { 2 => 50, 4 => 40, 1 or 3 => 14, _ => 18 } })), new SheetData(rows));
    }

    private static Worksheet ListsWorksheet()
    {
        var rows = new List<Row> { new Row(Text(1, 1, "Loại đề xuất", Header), Text(2, 1, "Địa bàn", Header), Text(3, 1, "Loại giải ngân", Header)) { RowIndex = 1 } };
        var count = new[] { Kinds.Count, Areas.Count, DisbursementKinds.Count }.Max();
        for (var i = 0; i < count; i++)
        {
            var r = (uint)(i + 2);
            var row = new Row { RowIndex = r };
            if (i < Kinds.Count) row.Append(Text(1, r, Kinds[i].Name));
            if (i < Areas.Count) row.Append(Text(2, r, Areas[i].Name));
            if (i < DisbursementKinds.Count) row.Append(Text(3, r, DisbursementKinds[i].Name));
            rows.Add(row);
        }
        return new Worksheet(new Columns(new Column { Min = 1, Max = 3, CustomWidth = true, Width = 40 }), new SheetData(rows));
    }

    private static Worksheet GuideWorksheet(string title)
    {
        string[] lines =
        [
            title,
            "",
            "Ghi số dư đầu kỳ của kế hoạch này khi chuyển từ sổ sách sang hệ thống: những gì đã xảy ra trước ngày chuyển.",
            $"Trang «{OpeningSheet.Proposals.Title}»: mỗi dòng một đề xuất đã được phê duyệt. STT do đơn vị tự đặt (1, 2, 3…), các trang khác dùng STT này để chỉ đề xuất.",
            "  Ngân sách hỗ trợ chia theo nguồn ở các cột «Trong đó …»; các nguồn cộng lại phải bằng ngân sách hỗ trợ. Phần còn lại của tổng kinh phí là vốn đối ứng của người dân.",
            "  Cộng các đề xuất trên một dòng kế hoạch, từng nguồn, không vượt số «Còn chưa cam kết» ở trang «Dòng kế hoạch» (quy tắc 9).",
            $"Trang «{OpeningSheet.Disbursements.Title}»: mỗi dòng một khoản kho bạc đã chi (tạm ứng hoặc thanh toán), số tiền theo nguồn, số chứng từ và ngày thanh toán.",
            "  Cộng dồn tạm ứng, và cộng dồn thanh toán, của một đề xuất không vượt số được duyệt từng nguồn (quy tắc 12). Thanh toán thu hồi tạm ứng trước (quy tắc 15).",
            $"Trang «{OpeningSheet.Settlements.Title}»: mỗi dòng một đề xuất đã được phê duyệt quyết toán, chi phí thực tế theo nguồn (không vượt số đã giải ngân, quy tắc 17; không còn tạm ứng chưa thu hồi).",
            "  Nếu số đã chi lớn hơn chi phí thực tế, hồ sơ quyết toán chờ phòng Tài chính xác nhận đã thu hồi, nộp trả phần chênh lệch.",
            "Số tiền ghi bằng đồng, số nguyên (có thể để dấu chấm phân cách hàng nghìn). Ngày ghi dd/mm/yyyy. Cột có dấu * là bắt buộc. Dòng trống được bỏ qua.",
            "Tệp có lỗi thì không nhập gì cả: hệ thống báo mọi lỗi cùng lúc theo trang, dòng và cột. Mỗi kế hoạch chỉ nhập số dư đầu kỳ một lần.",
        ];
        var rows = lines.Select((text, i) => new Row(Text(1, (uint)(i + 1), text, i == 0 ? Header : Wrap)) { RowIndex = (uint)(i + 1) });
        return new Worksheet(new Columns(new Column { Min = 1, Max = 1, CustomWidth = true, Width = 140 }), new SheetData(rows));
    }

    private static Cell Text(int column, uint row, string text, uint style = 0) => new()
    {
        CellReference = $"{ColumnName(column)}{row}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }), StyleIndex = style,
    };

    private static Cell Number(int column, uint row, long value) => new()
    {
        CellReference = $"{ColumnName(column)}{row}", DataType = CellValues.Number, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)), StyleIndex = AmountStyle,
    };

    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    // ------------------------------------------------------------------ reading

    /// <summary>
    /// Reads a filled workbook. Cells that cannot be read (a word where an amount belongs, an unknown choice, a missing
    /// required value) are reported at their sheet, row and column; the rows read whole go on to the rules.
    /// </summary>
    /// <param name="agencyOf">Resolves what the agency column says (code or name) to an agency code, or null when unknown.</param>
    public static (OpeningFile File, IReadOnlyList<Violation> Problems) Read(byte[] content, Func<string, string?> agencyOf)
    {
        var problems = new List<Violation>();
        if (WorkbookPackage.TooLarge(content) is { } tooLarge)
            return (new OpeningFile([], [], [], new HashSet<string>()), [new Violation("file", tooLarge)]);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false,
                new OpenSettings { AutoSave = false, MaxCharactersInPart = WorkbookPackage.MaxCharactersInPart });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or ArgumentException or System.Xml.XmlException or InvalidOperationException)
        {
            return (new OpeningFile([], [], [], new HashSet<string>()), [new Violation("file", "Tệp không phải bảng tính Excel (.xlsx). Hãy tải mẫu, điền và lưu dạng Excel Workbook (.xlsx).")]);
        }
        using (document)
        {
            var workbook = document.WorkbookPart;
            var strings = workbook?.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var proposals = new List<OpeningProposalRow>();
            var disbursements = new List<OpeningDisbursementRow>();
            var settlements = new List<OpeningSettlementRow>();
            var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (sheet, columns) in InputSheets)
            {
                var part = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == sheet.Title) is { Id.Value: { } id }
                    ? workbook.GetPartById(id) as WorksheetPart : null;
                if (part is null)
                {
                    problems.Add(new Violation("file", $"Tệp không có trang «{sheet.Title}»; hãy dùng mẫu tải từ hệ thống."));
                    continue;
                }
                var rows = ReadRows(part, strings);
                if (rows.Count > MaxRows)
                {
                    problems.Add(new Violation("file", $"Trang «{sheet.Title}» có {rows.Count} dòng, tối đa {MaxRows}."));
                    continue;
                }
                foreach (var (number, cells) in rows)
                {
                    var row = new RowReader(sheet, number, cells, columns, problems);
                    if (sheet == OpeningSheet.Proposals)
                    {
                        var key = row.Text("key");
                        if (key is not null) keys.Add(key);
                        var agencyText = row.Text("agency");
                        var agency = agencyText is null ? null : agencyOf(agencyText);
                        if (agencyText is not null && agency is null) row.Fail("agency", $"không có cơ quan «{agencyText}»; chọn mã trong danh sách.");
                        var item = new
                        {
                            key, component = row.Text("component"), title = row.Text("title"), kind = row.Choice("kind", Kinds),
                            area = row.Choice("areaType", Areas), decision = row.Text("decisionNumber"), date = row.Date("decisionDate"),
                            total = row.Amount("totalCost"), support = row.Amount("stateSupport"), split = row.Split(),
                        };
                        if (row.Ok)
                            proposals.Add(new OpeningProposalRow(number, item.key!, item.component!, agency, item.title!, item.kind!.Value, item.area!.Value,
                                item.decision!, item.date!.Value, item.total!.Value, item.support!.Value, item.split!));
                    }
                    else if (sheet == OpeningSheet.Disbursements)
                    {
                        var item = new
                        {
                            key = row.Text("proposal"), kind = row.Choice("kind", DisbursementKinds), split = row.Split(),
                            reference = row.Text("treasuryReference"), paidOn = row.Date("paidOn"),
                        };
                        if (row.Ok) disbursements.Add(new OpeningDisbursementRow(number, item.key!, item.kind!.Value, item.split!, item.reference!, item.paidOn!.Value));
                    }
                    else
                    {
                        var item = new { key = row.Text("proposal"), outputs = row.Text("outputs"), acceptedOn = row.Date("acceptedOn"), split = row.Split() };
                        if (row.Ok) settlements.Add(new OpeningSettlementRow(number, item.key!, item.outputs!, item.acceptedOn, item.split!));
                    }
                }
            }
            return (new OpeningFile(proposals, disbursements, settlements, keys), problems);
        }
    }

    /// <summary>The non-empty rows from row 2 on, each as column number → the cell's text.</summary>
    private static List<(int Number, Dictionary<int, string> Cells)> ReadRows(WorksheetPart part, IReadOnlyList<string> strings)
    {
        var result = new List<(int, Dictionary<int, string>)>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var number = (int)(row.RowIndex?.Value ?? 0);
            if (number < 2) continue;
            var cells = new Dictionary<int, string>();
            var position = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                position++;
                var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : position;
                position = column;
                var text = cell.DataType?.Value switch
                {
                    CellValues.SharedString => int.TryParse(cell.CellValue?.Text, out var i) && i >= 0 && i < strings.Count ? strings[i] : "",
                    CellValues.InlineString => cell.InlineString?.InnerText ?? "",
                    CellValues.Boolean => cell.CellValue?.Text == "1" ? "TRUE" : "FALSE",
                    _ => cell.CellValue?.Text ?? "",
                };
                if (!string.IsNullOrWhiteSpace(text)) cells[column] = text.Trim();
            }
            if (cells.Count > 0) result.Add((number, cells));
        }
        return result;
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) column = column * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return column;
    }

    private static readonly Regex Grouped = new(@"^\d{1,3}([.,\s]\d{3})+$", RegexOptions.CultureInvariant);

    /// <summary>One row's cells by field, recording a problem for each cell that cannot be read.</summary>
    private sealed class RowReader(OpeningSheet sheet, int number, Dictionary<int, string> cells, IReadOnlyList<OpeningColumn> columns, List<Violation> problems)
    {
        public bool Ok { get; private set; } = true;

        public void Fail(string field, string message)
        {
            Ok = false;
            var index = columns.ToList().FindIndex(c => c.Field == field);
            var label = index < 0 ? "" : $"cột {ColumnName(index + 1)} ({columns[index].Header}) ";
            problems.Add(new Violation(sheet.Path(number, field), sheet.Where(number) + label + message));
        }

        private (OpeningColumn Column, string? Value) Cell(string field)
        {
            var index = columns.ToList().FindIndex(c => c.Field == field);
            var value = cells.GetValueOrDefault(index + 1);
            if (value is null && columns[index].Required) Fail(field, "chưa điền.");
            return (columns[index], value);
        }

        public string? Text(string field) => Cell(field).Value;

        public long? Amount(string field)
        {
            var (_, value) = Cell(field);
            if (value is null) return columns.First(c => c.Field == field).Required ? null : 0;
            var text = Grouped.IsMatch(value) ? Regex.Replace(value, @"[.,\s]", "") : value;
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number) && number is >= 0 and <= Vnd.MaxAmount)
                return (long)number;
            Fail(field, $"«{value}» không phải số tiền hợp lệ: số nguyên đồng, từ 0 đến {Vnd.Format(Vnd.MaxAmount)}.");
            return null;
        }

        public SourceAmounts? Split()
        {
            var parts = FundingSources.Budget.Select(s => Amount(s.ToString())).ToList();
            return parts.Any(p => p is null) ? null : new SourceAmounts(parts[0]!.Value, parts[1]!.Value, parts[2]!.Value, parts[3]!.Value);
        }

        public DateOnly? Date(string field)
        {
            var (_, value) = Cell(field);
            if (value is null) return null;
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
                return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
            if (DateOnly.TryParseExact(value, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            Fail(field, $"«{value}» không phải ngày; ghi theo dạng dd/mm/yyyy.");
            return null;
        }

        public TEnum? Choice<TEnum>(string field, IReadOnlyList<(TEnum Value, string Name)> names) where TEnum : struct, Enum
        {
            var (_, value) = Cell(field);
            if (value is null) return null;
            foreach (var (item, name) in names)
                if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase) || string.Equals(item.ToString(), value, StringComparison.OrdinalIgnoreCase))
                    return item;
            Fail(field, $"«{value}» không có trong danh sách; chọn một trong: {string.Join("; ", names.Select(n => n.Name))}.");
            return null;
        }
    }
}
