using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Plans;

namespace Workflow.Api.Features.Plans;

/// <summary>
/// The plan as an Excel workbook in the table layout officials use (docs/plan-file.md, "The plan workbook").
/// Reading does not make a plan: it turns the sheet into the plan file (JSON) and remembers which cell each field
/// came from, so the import goes through <see cref="PlanFile.Read"/> and every rule exactly as a JSON file does,
/// and each refusal, keyed by JSON path, can be told back by cell (<see cref="CellMap.Relocate(ValidationFailedException)"/>).
/// </summary>
public static class PlanWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxBytes = 2 * 1024 * 1024;
    public const string SheetName = "Kế hoạch vốn";
    public const string TotalLabel = "Tổng cộng";

    /// <summary>Triệu đồng carry at most six decimals: 1 đồng = 0.000001 triệu.</summary>
    private const int MillionDecimals = 6;

    // header block: label in column A, value in column D (a unit row: code D, name E, level F)
    internal static class Labels
    {
        public const string FiscalYear = "Năm kế hoạch";
        public const string AmountUnit = "Đơn vị tính";
        public const string Unit = "Đơn vị";
        public const string Parent = "Đơn vị cấp trên";
        public const string DecisionNumber = "Số quyết định";
        public const string DecisionDate = "Ngày quyết định";
        public const string DecisionIssuer = "Cơ quan ban hành";
        public const string DecisionTitle = "Trích yếu";
        public const string DecisionBasis = "Căn cứ";
        public const string MinimumLocalRate = "Tỷ lệ đối ứng tối thiểu";
        public const string RoundingUnit = "Đơn vị làm tròn (đồng)";
        public const string Reason = "Lý do điều chỉnh";
        public static string RateOf(FundingSource source) => "Tỷ lệ " + FundingSources.ShortNameOf(source);
    }

    // table columns
    private const int ColNumber = 1, ColComponent = 2, ColContent = 3, ColAgency = 4, ColTotal = 5, ColFirstSource = 6;
    private const string HNumber = "STT", HComponent = "Mã dự án", HContent = "Nội dung", HAgency = "Cơ quan chủ trì", HTotal = "Tổng số";

    public const string Dong = "đồng", Million = "triệu đồng";

    private static readonly Dictionary<string, AdminLevel> LevelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Tỉnh"] = AdminLevel.Province, ["Huyện"] = AdminLevel.District, ["Xã"] = AdminLevel.Commune,
        ["Province"] = AdminLevel.Province, ["District"] = AdminLevel.District, ["Commune"] = AdminLevel.Commune,
    };

    public static string LevelName(AdminLevel level) => level switch
    {
        AdminLevel.Province => "Tỉnh",
        AdminLevel.District => "Huyện",
        AdminLevel.Commune => "Xã",
        _ => level.ToString(),
    };

    // ---------------------------------------------------------------- writing

    /// <summary>
    /// The plan in the workbook layout; amounts in whole đồng or in triệu đồng (exact, up to six decimals). Names and
    /// the «Mã dự án» choices come from the plan year's catalogue; a provisional one adds its notice as a note row
    /// under the title (a note has no value, so reading the workbook back ignores it).
    /// </summary>
    public static byte[] Write(PlanContent plan, bool inMillions, CatalogueChoice catalogue) =>
        new Writer(inMillions, catalogue.Period.Components, catalogue.Notice).Write(plan, blankRows: 0);

    /// <summary>The empty form: labels, the table header, blank rows with the component list, and a total row that adds them up.</summary>
    public static byte[] Template(IReadOnlyList<Component> components) => new Writer(inMillions: true, components, null).Write(null, blankRows: 12);

    private sealed class Writer(bool inMillions, IReadOnlyList<Component> components, string? notice)
    {
        private readonly List<Row> _rows = [];
        private readonly List<string> _merges = [];
        private readonly List<DataValidation> _validations = [];

        // styles (see Styles())
        private const uint Title = 1, Label = 2, Value = 3, Header = 4, Text = 5, Amount = 6, BoldText = 7, BoldAmount = 8, Percent = 9, Date = 10, Center = 11, Note = 12, DongValue = 13, DongAmount = 13, BoldDongAmount = 14;

        public byte[] Write(PlanContent? plan, int blankRows)
        {
            NewRow(24).Text(1, "KẾ HOẠCH VỐN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG", Title);
            Merge(1, 1, 9, 1);
            NewRow(18).Text(1, "Nhãn ở cột A, giá trị ở cột D. Số tiền theo đơn vị tính ghi dưới đây; ô để trống là 0. Hệ thống đọc bảng từ dòng tiêu đề \"STT\" đến dòng \"Tổng cộng\".", Note);
            Merge(1, 2, 9, 2);
            if (notice is not null)
            {
                var row = NewRow(30).Text(1, notice, Note);
                Merge(1, row.Index, 9, row.Index);
            }

            Field(Labels.FiscalYear, plan is null ? null : Number((long)plan.FiscalYear));
            var unitRow = Field(Labels.AmountUnit, inMillions ? Million : PlanWorkbook.Dong);
            Validate($"D{unitRow.Index}", $"\"{PlanWorkbook.Dong},{Million}\"");

            var chain = new List<UnitRef>();
            for (var u = plan?.Unit; u is not null; u = u.Parent) chain.Add(u);
            if (plan is null) chain.AddRange([null!, null!]);
            for (var i = 0; i < chain.Count; i++)
            {
                var row = Field(i == 0 ? Labels.Unit : Labels.Parent, chain[i]?.Code);
                row.Text(5, chain[i]?.Name ?? "", Value).Text(6, chain[i] is null ? "" : LevelName(chain[i].Level), Value);
                Validate($"F{row.Index}", "\"Tỉnh,Huyện,Xã\"");
            }

            var decision = plan?.Decision;
            Field(Labels.DecisionNumber, decision?.Number);
            Field(Labels.DecisionDate, decision?.Date is { } date ? date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture) : null, Date);
            Field(Labels.DecisionIssuer, decision?.Issuer);
            Field(Labels.DecisionTitle, decision?.Title);
            Field(Labels.DecisionBasis, decision?.Basis);

            var terms = plan?.Counterpart;
            Field(Labels.MinimumLocalRate, terms is null ? null : Number(terms.MinimumLocalRate), Percent);
            foreach (var source in FundingSources.LocalBudget)
                Field(Labels.RateOf(source), terms is not null && terms.Rates.TryGetValue(source, out var rate) ? Number(rate) : null, Percent);
            Field(Labels.RoundingUnit, terms is null ? null : Number(terms.RoundingUnit), DongValue);

            NewRow(10);
            var header = NewRow(36);
            string[] headers = [HNumber, HComponent, HContent, HAgency, HTotal, .. FundingSources.Budget.Select(FundingSources.ShortNameOf)];
            for (var c = 0; c < headers.Length; c++) header.Text(c + 1, headers[c], Header);
            var headerIndex = header.Index;

            var lines = plan?.Lines ?? [];
            var first = headerIndex + 1;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var row = NewRow(0);
                row.Text(1, (i + 1).ToString(CultureInfo.InvariantCulture), Center)
                    .Text(2, line.Component, Center)
                    .Text(3, components.FirstOrDefault(c => c.Code == line.Component)?.Name ?? "", Text)
                    .Text(4, line.LeadAgency, Text);
                AmountCells(row, line.Amounts, bold: false);
            }
            for (var i = 0; i < blankRows; i++)
            {
                var row = NewRow(0);
                row.Text(1, (i + 1).ToString(CultureInfo.InvariantCulture), Center).Text(2, "", Center).Text(3, "", Text).Text(4, "", Text);
                row.Formula(ColTotal, $"SUM({Col(ColFirstSource)}{row.Index}:{Col(ColFirstSource + 3)}{row.Index})", Amount);
                for (var c = 0; c < 4; c++) row.Text(ColFirstSource + c, "", Amount);
            }
            var last = (int)_rows[^1].RowIndex!.Value;
            if (blankRows > 0 || lines.Count > 0)
                Validate($"B{first}:B{Math.Max(last, first)}", "\"" + string.Join(",", components.Where(c => c.InScope).Select(c => c.Code).Distinct()) + "\"");

            var total = NewRow(22);
            total.Text(1, "", BoldText).Text(2, "", BoldText).Text(3, TotalLabel, BoldText).Text(4, "", BoldText);
            if (plan is not null) AmountCells(total, plan.Totals, bold: true);
            else
                for (var c = ColTotal; c < ColFirstSource + 4; c++)
                    total.Formula(c, $"SUM({Col(c)}{first}:{Col(c)}{Math.Max(last, first)})", BoldAmount);

            return Package(headerIndex);
        }

        private void AmountCells(WRow row, IReadOnlyDictionary<FundingSource, long> amounts, bool bold)
        {
            var style = inMillions ? (bold ? BoldAmount : Amount) : (bold ? BoldDongAmount : DongAmount);
            row.Number(ColTotal, Format(amounts.Values.Sum()), style);
            var column = ColFirstSource;
            foreach (var source in FundingSources.Budget)
            {
                var amount = amounts.GetValueOrDefault(source);
                if (amount == 0) row.Text(column++, "", style);
                else row.Number(column++, Format(amount), style);
            }
        }

        private string Format(long amount) => inMillions
            ? (amount / 1_000_000m).ToString(CultureInfo.InvariantCulture)
            : amount.ToString(CultureInfo.InvariantCulture);

        private static string Number(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

        private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A header-block row: the label (merged over A:C), the value in D.</summary>
        private WRow Field(string label, string? value, uint valueStyle = Value)
        {
            var row = NewRow(0);
            row.Text(1, label, Label);
            Merge(1, row.Index, 3, row.Index);
            if (value is null) row.Text(4, "", valueStyle);
            else if (valueStyle is Percent or DongValue or Date || label == Labels.FiscalYear) row.Number(4, value, valueStyle);
            else row.Text(4, value, valueStyle);
            return row;
        }

        private WRow NewRow(double height)
        {
            var row = new Row { RowIndex = (uint)_rows.Count + 1 };
            if (height > 0) { row.Height = height; row.CustomHeight = true; }
            _rows.Add(row);
            return new WRow(row);
        }

        private void Merge(int c1, int r1, int c2, int r2) => _merges.Add($"{Col(c1)}{r1}:{Col(c2)}{r2}");

        private void Validate(string range, string list) => _validations.Add(new DataValidation
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowErrorMessage = true,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
            Formula1 = new Formula1(list),
        });

        private byte[] Package(int headerRow)
        {
            using var memory = new MemoryStream();
            using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
            {
                var workbook = document.AddWorkbookPart();
                workbook.Workbook = new Workbook();
                var styles = workbook.AddNewPart<WorkbookStylesPart>();
                styles.Stylesheet = Styles();
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                double[] widths = [6, 11, 48, 34, 18, 18, 16, 16, 16];
                var worksheet = new Worksheet(
                    new SheetFormatProperties { DefaultRowHeight = 15.75 },
                    new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                    new SheetData(_rows),
                    new MergeCells(_merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merges.Count });
                if (_validations.Count > 0) worksheet.Append(new DataValidations(_validations) { Count = (uint)_validations.Count });
                worksheet.Append(
                    new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
                    new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape });
                sheetPart.Worksheet = worksheet;
                workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }));
                // formulas of the empty form are computed by the spreadsheet program when it opens the file
                workbook.Workbook.AppendChild(new CalculationProperties { FullCalculationOnLoad = true });
                workbook.Workbook.Save();
            }
            return memory.ToArray();
        }

        private static Stylesheet Styles()
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
            const uint millions = 164, dong = 165, date = 166, percent = 167;
            var numberFormats = new NumberingFormats(
                new NumberingFormat { NumberFormatId = millions, FormatCode = "#,##0.000###" },
                new NumberingFormat { NumberFormatId = dong, FormatCode = "#,##0" },
                new NumberingFormat { NumberFormatId = date, FormatCode = "dd/mm/yyyy" },
                new NumberingFormat { NumberFormatId = percent, FormatCode = "0.00%" })
            { Count = 4 };

            CellFormat X(uint font = 0, uint fill = 0, uint border = 0, uint format = 0, HorizontalAlignmentValues? horizontal = null, bool wrap = false)
            {
                var f = new CellFormat
                {
                    FontId = font, FillId = fill, BorderId = border, NumberFormatId = format, FormatId = 0,
                    ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyNumberFormat = format != 0, ApplyAlignment = true,
                };
                var alignment = new Alignment { Vertical = VerticalAlignmentValues.Center };
                if (horizontal is { } h) alignment.Horizontal = h;
                if (wrap) alignment.WrapText = true;
                f.Append(alignment);
                return f;
            }
            var center = HorizontalAlignmentValues.Center;
            var formats = new CellFormats(
                new CellFormat(),                                   // 0
                X(font: 2, horizontal: center, wrap: true),         // 1 Title
                X(font: 1),                                         // 2 Label
                X(border: 1, wrap: true),                           // 3 Value
                X(font: 1, fill: 2, border: 1, horizontal: center, wrap: true), // 4 Header
                X(border: 1, wrap: true),                           // 5 Text
                X(border: 1, format: millions),                     // 6 Amount (triệu)
                X(font: 1, border: 1, wrap: true),                  // 7 BoldText
                X(font: 1, border: 1, format: millions),            // 8 BoldAmount
                X(border: 1, format: percent),                      // 9 Percent
                X(border: 1, format: date, horizontal: HorizontalAlignmentValues.Left), // 10 Date
                X(border: 1, horizontal: center),                   // 11 Center
                X(font: 3, wrap: true),                             // 12 Note
                X(border: 1, format: dong),                         // 13 DongValue, DongAmount
                X(font: 1, border: 1, format: dong))                // 14 BoldDongAmount
            { Count = 15 };
            return new Stylesheet(numberFormats, fonts, fills, borders,
                new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
                formats,
                new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        }

        /// <summary>Appends cells in column order, each with its reference; text inline so the sheet needs no string table.</summary>
        private sealed class WRow(Row row)
        {
            public int Index => (int)row.RowIndex!.Value;

            public WRow Text(int column, string text, uint style)
            {
                var cell = new Cell { CellReference = $"{Col(column)}{Index}", StyleIndex = style };
                if (text.Length > 0)
                {
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve });
                }
                row.Append(cell);
                return this;
            }

            public WRow Number(int column, string value, uint style)
            {
                row.Append(new Cell { CellReference = $"{Col(column)}{Index}", DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = style });
                return this;
            }

            public WRow Formula(int column, string formula, uint style)
            {
                row.Append(new Cell { CellReference = $"{Col(column)}{Index}", CellFormula = new CellFormula(formula), StyleIndex = style });
                return this;
            }
        }

    }

    internal static string Col(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    // ---------------------------------------------------------------- reading

    /// <summary>
    /// Reads a workbook into the plan file it states. Problems of the sheet itself (a cell that is not a number,
    /// a header that is missing or merged, an unknown column or unit of measure) are refused here, by cell.
    /// </summary>
    public static (JsonObject File, CellMap Cells) Read(byte[] content)
    {
        if (content.Length == 0) throw new ValidationFailedException("$", "Chưa gửi tệp: cần sổ tính Excel (.xlsx) theo mẫu kế hoạch vốn.");
        if (content.Length > MaxBytes) throw new ValidationFailedException("$", $"Tệp quá lớn (tối đa {MaxBytes / 1024 / 1024} MiB).");
        // an .xlsx is a zip package: PK\x03\x04
        if (content.Length < 4 || content[0] != 0x50 || content[1] != 0x4B)
            throw NotAWorkbook(content);
        if (WorkbookPackage.TooLarge(content) is { } tooLarge) throw new ValidationFailedException("$", tooLarge);
        try
        {
            using var memory = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(memory, false, new OpenSettings { AutoSave = false, MaxCharactersInPart = WorkbookPackage.MaxCharactersInPart });
            return new SheetReader(document).Read();
        }
        catch (ValidationFailedException)
        {
            throw;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or System.Xml.XmlException or NotSupportedException)
        {
            throw NotAWorkbook(content);
        }
    }

    private static ValidationFailedException NotAWorkbook(byte[] content)
    {
        var hint = content.Length >= 8 && content[0] == 0xD0 && content[1] == 0xCF
            ? " Tệp .xls (Excel 97–2003) không được hỗ trợ: mở bằng Excel và lưu lại dạng .xlsx."
            : "";
        return new ValidationFailedException("$", "Tệp không phải sổ tính Excel (.xlsx) đọc được." + hint);
    }

    /// <summary>Where each field of the plan file came from: JSON path → cell (or range) and what a clerk calls it.</summary>
    public sealed class CellMap
    {
        private readonly Dictionary<string, (string Cell, string Label)> _cells = new(StringComparer.Ordinal);

        internal void Add(string path, string cell, string label) => _cells[path] = (cell, label);

        /// <summary>The cell of a JSON path, or of its nearest ancestor that has one; "$" when none does.</summary>
        public (string Cell, string? Label) Locate(string path)
        {
            for (var p = path; p.Length > 0 && p != "$"; p = Parent(p))
                if (_cells.TryGetValue(p, out var found)) return found;
            return ("$", null);
        }

        public Violation Relocate(Violation v)
        {
            var (cell, label) = Locate(v.Path);
            return new Violation(cell, label is null ? v.Message : $"{label}: {v.Message}");
        }

        public ValidationFailedException Relocate(ValidationFailedException e) => new(e.Violations.Select(Relocate).ToList());

        public ConflictException Relocate(ConflictException e) => new(e.Message, e.Code) { Violations = e.Violations.Select(Relocate).ToList() };

        private static string Parent(string path)
        {
            var dot = path.LastIndexOf('.');
            var bracket = path.LastIndexOf('[');
            var cut = Math.Max(dot, bracket);
            return cut <= 0 ? "" : path[..cut];
        }
    }

    private sealed class SheetReader(SpreadsheetDocument document)
    {
        private readonly List<Violation> _violations = [];
        private readonly CellMap _map = new();
        private Dictionary<(int Row, int Col), Cell> _cells = [];
        private IReadOnlyList<string> _shared = [];
        private int _lastRow;

        private void Fail(string cell, string label, string message) => _violations.Add(new(cell, $"{label}: {message}"));

        public (JsonObject, CellMap) Read()
        {
            var workbook = document.WorkbookPart ?? throw new InvalidDataException();
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var sheet = sheets.FirstOrDefault(s => Normalize(s.Name?.Value) == Normalize(SheetName))
                ?? sheets.FirstOrDefault(s => s.State is null || s.State.Value == SheetStateValues.Visible)
                ?? throw new ValidationFailedException("$", "Sổ tính không có trang nào.");
            if (workbook.GetPartById(sheet.Id!.Value!) is not WorksheetPart part)
                throw new ValidationFailedException("$", $"Trang '{sheet.Name}' không phải bảng tính.");
            _shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            LoadCells(part.Worksheet);
            var merges = part.Worksheet.Elements<MergeCells>().SelectMany(m => m.Elements<MergeCell>())
                .Select(m => m.Reference?.Value).OfType<string>().Select(ParseRange).OfType<(int, int, int, int)>().ToList();

            var root = new JsonObject();
            var header = FindHeaderRow();
            if (header is null)
            {
                throw new ValidationFailedException("$",
                    $"Không tìm thấy dòng tiêu đề bảng: cột A phải có ô \"{HNumber}\", tiếp theo \"{HComponent}\", \"{HContent}\", \"{HAgency}\", \"{HTotal}\" và các cột nguồn vốn (NSTW, NS tỉnh, NS huyện, NS xã).");
            }
            var inMillions = ReadHeaderBlock(root, header.Value);
            ReadTable(root, header.Value, inMillions, merges);
            if (_violations.Count > 0) throw new ValidationFailedException(_violations);
            return (root, _map);
        }

        private void LoadCells(Worksheet worksheet)
        {
            var data = worksheet.GetFirstChild<SheetData>();
            var cells = new Dictionary<(int, int), Cell>();
            var rowIndex = 0;
            foreach (var row in data?.Elements<Row>() ?? [])
            {
                rowIndex = row.RowIndex?.Value is { } r ? (int)r : rowIndex + 1;
                var column = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    column = cell.CellReference?.Value is { } reference && ParseRef(reference) is { } parsed ? parsed.Col : column + 1;
                    cells[(rowIndex, column)] = cell;
                }
                _lastRow = Math.Max(_lastRow, rowIndex);
            }
            _cells = cells;
        }

        private int? FindHeaderRow()
        {
            for (var r = 1; r <= _lastRow; r++)
                if (Normalize(TextAt(r, ColNumber)) == Normalize(HNumber)) return r;
            return null;
        }

        // ----- header block

        private bool ReadHeaderBlock(JsonObject root, int headerRow)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var parents = new List<int>();
            string[] single =
            [
                Labels.FiscalYear, Labels.AmountUnit, Labels.Unit, Labels.DecisionNumber, Labels.DecisionDate, Labels.DecisionIssuer,
                Labels.DecisionTitle, Labels.DecisionBasis, Labels.MinimumLocalRate, Labels.RoundingUnit, Labels.Reason,
                .. FundingSources.LocalBudget.Select(Labels.RateOf),
            ];
            for (var r = 1; r < headerRow; r++)
            {
                var label = TextAt(r, 1);
                if (label is null) continue;
                var known = single.FirstOrDefault(l => Normalize(l) == Normalize(label));
                if (Normalize(label) == Normalize(Labels.Parent))
                {
                    parents.Add(r);
                    continue;
                }
                if (known is null)
                {
                    // titles and notes have no value; a value under an unknown label would be silently dropped
                    if (Enumerable.Range(ColAgency, 6).Any(c => !IsBlank(r, c)))
                        Fail($"A{r}", label, $"Nhãn không thuộc mẫu kế hoạch vốn (các nhãn hợp lệ: {string.Join(", ", single.Append(Labels.Parent))}).");
                    continue;
                }
                if (!seen.TryAdd(known, r)) Fail($"A{r}", label, $"Nhãn đã có ở dòng {seen[known]}.");
            }

            int? RowOf(string label) => seen.TryGetValue(label, out var row) ? row : null;
            string ValueCell(string label) => RowOf(label) is { } row ? $"D{row}" : "$";

            // unit of measure
            var inMillions = false;
            if (RowOf(Labels.AmountUnit) is not { } unitRow)
                _violations.Add(new("$", $"Thiếu dòng \"{Labels.AmountUnit}\" ở phần đầu (nhãn ở cột A, giá trị \"{Dong}\" hoặc \"{Million}\" ở cột D)."));
            else
            {
                var marker = Normalize(TextAt(unitRow, ColAgency));
                if (marker is "đồng" or "dong" or "vnđ" or "vnd" or "đ") inMillions = false;
                else if (marker is "triệu đồng" or "trieu dong" or "triệu" or "triệu vnđ" or "triệu vnd" or "tr.đ" or "trđ") inMillions = true;
                else Fail($"D{unitRow}", Labels.AmountUnit, $"Phải là \"{Dong}\" hoặc \"{Million}\" (đang ghi \"{TextAt(unitRow, ColAgency)}\").");
            }

            // fiscal year
            _map.Add("fiscalYear", ValueCell(Labels.FiscalYear), Labels.FiscalYear);
            if (RowOf(Labels.FiscalYear) is { } yearRow)
            {
                var year = NumberAt(yearRow, ColAgency, Labels.FiscalYear);
                if (year is { } y)
                {
                    if (decimal.Truncate(y) != y || y is < int.MinValue or > int.MaxValue) Fail($"D{yearRow}", Labels.FiscalYear, "Phải là số nguyên (ví dụ 2024).");
                    else root["fiscalYear"] = (int)y;
                }
            }

            // unit chain: "Đơn vị", then each "Đơn vị cấp trên" in order up to the province
            _map.Add("unit", ValueCell(Labels.Unit), Labels.Unit);
            if (RowOf(Labels.Unit) is { } ownRow)
            {
                var rows = new List<int> { ownRow };
                rows.AddRange(parents);
                JsonObject? child = null;
                var path = "unit";
                foreach (var r in rows)
                {
                    var label = r == ownRow ? Labels.Unit : $"{Labels.Parent} (dòng {r})";
                    var node = new JsonObject();
                    _map.Add(path, $"D{r}", label);
                    _map.Add($"{path}.code", $"D{r}", $"{label}, mã");
                    _map.Add($"{path}.name", $"E{r}", $"{label}, tên");
                    _map.Add($"{path}.level", $"F{r}", $"{label}, cấp");
                    PutText(node, "code", r, ColAgency);
                    PutText(node, "name", r, ColTotal);
                    if (TextAt(r, ColFirstSource) is { } levelText)
                    {
                        if (LevelNames.TryGetValue(levelText.Trim(), out var level)) node["level"] = level.ToString();
                        else Fail($"F{r}", $"{label}, cấp", $"Cấp hành chính phải là Tỉnh, Huyện hoặc Xã (đang ghi \"{levelText}\").");
                    }
                    if (child is null) root["unit"] = node;
                    else child["parent"] = node;
                    child = node;
                    path += ".parent";
                }
            }
            else if (parents.Count > 0)
                Fail($"A{parents[0]}", Labels.Parent, $"Thiếu dòng \"{Labels.Unit}\" (đơn vị ban hành) trước đơn vị cấp trên.");

            // decision
            var decision = new JsonObject();
            var any = false;
            foreach (var (label, field) in new[] { (Labels.DecisionNumber, "number"), (Labels.DecisionIssuer, "issuer"), (Labels.DecisionTitle, "title"), (Labels.DecisionBasis, "basis") })
            {
                _map.Add($"decision.{field}", ValueCell(label), label);
                if (RowOf(label) is { } r && TextAt(r, ColAgency) is { } text) { decision[field] = text; any = true; }
            }
            _map.Add("decision.date", ValueCell(Labels.DecisionDate), Labels.DecisionDate);
            if (RowOf(Labels.DecisionDate) is { } dateRow && DateAt(dateRow) is { } date) { decision["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); any = true; }
            _map.Add("decision", ValueCell(Labels.DecisionNumber), "Quyết định");
            if (any) root["decision"] = decision;

            // counterpart: optional; any of its cells filled states the terms
            var counterpart = new JsonObject();
            var rates = new JsonObject();
            any = false;
            _map.Add("counterpart", ValueCell(Labels.MinimumLocalRate), "Chính sách đối ứng");
            _map.Add("counterpart.minimumLocalRate", ValueCell(Labels.MinimumLocalRate), Labels.MinimumLocalRate);
            if (RowOf(Labels.MinimumLocalRate) is { } minRow && RateAt(minRow, Labels.MinimumLocalRate, ref any) is { } min) counterpart["minimumLocalRate"] = min;
            _map.Add("counterpart.rates", ValueCell(Labels.RateOf(FundingSource.Provincial)), "Tỷ lệ đối ứng theo nguồn");
            foreach (var source in FundingSources.LocalBudget)
            {
                var label = Labels.RateOf(source);
                _map.Add($"counterpart.rates.{source}", ValueCell(label), label);
                if (RowOf(label) is { } r && RateAt(r, label, ref any) is { } rate) rates[source.ToString()] = rate;
            }
            _map.Add("counterpart.roundingUnit", ValueCell(Labels.RoundingUnit), Labels.RoundingUnit);
            if (RowOf(Labels.RoundingUnit) is { } roundRow && !IsBlank(roundRow, ColAgency))
            {
                any = true;
                if (NumberAt(roundRow, ColAgency, Labels.RoundingUnit) is { } rounding)
                {
                    if (decimal.Truncate(rounding) != rounding || Math.Abs(rounding) > long.MaxValue) Fail($"D{roundRow}", Labels.RoundingUnit, "Phải là số đồng nguyên.");
                    else counterpart["roundingUnit"] = (long)rounding;
                }
            }
            if (any)
            {
                counterpart["rates"] = rates;
                root["counterpart"] = counterpart;
            }

            if (RowOf(Labels.Reason) is { } reasonRow)
            {
                _map.Add("reason", $"D{reasonRow}", Labels.Reason);
                if (TextAt(reasonRow, ColAgency) is { } reason) root["reason"] = reason;
            }
            return inMillions;
        }

        private decimal? RateAt(int row, string label, ref bool any)
        {
            if (IsBlank(row, ColAgency)) return null;
            any = true;
            var text = TextAt(row, ColAgency);
            if (text is not null && text.EndsWith('%')
                && decimal.TryParse(text[..^1].Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
                return percent / 100m;
            return NumberAt(row, ColAgency, label) is { } value ? AsTyped(value, RawValue(CellAt(row, ColAgency)!)) : null;
        }

        /// <summary>The shortest form of a stored double that means the same at 15 significant digits (0.1 for 0.10000000000000001).</summary>
        private static decimal AsTyped(decimal value, string? raw) =>
            raw is not null && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && decimal.TryParse(d.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var typed)
                ? typed : value;

        private void PutText(JsonObject node, string field, int row, int column)
        {
            if (TextAt(row, column) is { } text) node[field] = text;
        }

        private DateOnly? DateAt(int row)
        {
            var cell = CellAt(row, ColAgency);
            if (cell is null || IsBlank(row, ColAgency)) return null;
            var text = TextAt(row, ColAgency)!;
            if (IsNumeric(cell) && double.TryParse(RawValue(cell), NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
                return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
            if (DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            if (cell.DataType?.Value == CellValues.Date && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
                return DateOnly.FromDateTime(iso);
            Fail($"D{row}", Labels.DecisionDate, $"Phải là ngày, ví dụ 27/03/2024 (đang ghi \"{text}\").");
            return null;
        }

        // ----- table

        private void ReadTable(JsonObject root, int headerRow, bool inMillions, List<(int C1, int R1, int C2, int R2)> merges)
        {
            var lastColumn = _cells.Keys.Where(k => k.Row == headerRow).Select(k => k.Col).DefaultIfEmpty(0).Max();
            var headerRange = $"A{headerRow}:{Col(Math.Max(lastColumn, ColFirstSource + 3))}{headerRow}";

            foreach (var m in merges.Where(m => m.R1 <= headerRow && m.R2 >= headerRow))
                Fail($"{Col(m.C1)}{m.R1}", "Tiêu đề bảng",
                    $"Ô gộp {Col(m.C1)}{m.R1}:{Col(m.C2)}{m.R2} trong dòng tiêu đề; mỗi cột phải có một ô tiêu đề riêng, không gộp (xem mẫu tải về).");

            int? componentCol = null, agencyCol = null, totalCol = null;
            var sources = new Dictionary<FundingSource, int>();
            for (var c = 1; c <= lastColumn; c++)
            {
                var text = TextAt(headerRow, c);
                if (text is null) continue;
                var key = Normalize(text);
                var where = $"{Col(c)}{headerRow}";
                bool Once(ref int? slot) { if (slot is not null) { Fail(where, "Tiêu đề bảng", $"Cột \"{text}\" xuất hiện hai lần (đã có ở cột {Col(slot.Value)})."); return false; } slot = c; return true; }
                if (key == Normalize(HNumber) || key is "nội dung" or "tên dự án" or "dự án" or "nội dung (dự án, tiểu dự án)") continue;
                if (key is "mã dự án" or "mã" or "mã da") Once(ref componentCol);
                else if (key is "cơ quan chủ trì" or "đơn vị chủ trì" or "cơ quan, đơn vị chủ trì") Once(ref agencyCol);
                else if (key is "tổng số" or "tổng" or "tổng cộng") Once(ref totalCol);
                else if (SourceOf(key) is { } source)
                {
                    if (!sources.TryAdd(source, c)) Fail(where, "Tiêu đề bảng", $"Cột nguồn vốn \"{text}\" xuất hiện hai lần (đã có ở cột {Col(sources[source])}).");
                }
                else
                    Fail(where, "Tiêu đề bảng",
                        $"Cột \"{text}\" không thuộc mẫu: các cột hợp lệ là {HNumber}, {HComponent}, {HContent}, {HAgency}, {HTotal} và nguồn vốn NSTW, NS tỉnh, NS huyện, NS xã.");
            }
            if (componentCol is null) Fail(headerRange, "Tiêu đề bảng", $"Thiếu cột \"{HComponent}\".");
            if (agencyCol is null) Fail(headerRange, "Tiêu đề bảng", $"Thiếu cột \"{HAgency}\".");
            if (sources.Count == 0) Fail(headerRange, "Tiêu đề bảng", "Thiếu cột nguồn vốn: NSTW, NS tỉnh, NS huyện hoặc NS xã.");
            if (_violations.Count > 0) return;

            var lines = new JsonArray();
            int? totalRow = null;
            // the "Tổng số" column alone (a formula the form carries) does not make a row a line
            var dataColumns = new[] { componentCol!.Value, agencyCol!.Value }.Concat(sources.Values).ToList();
            for (var r = headerRow + 1; r <= _lastRow && totalRow is null; r++)
            {
                if (IsTotalRow(r, componentCol.Value))
                {
                    totalRow = r;
                    break;
                }
                if (dataColumns.All(c => IsBlank(r, c))) continue; // blank rows and group headings
                foreach (var m in merges.Where(m => m.R1 <= r && m.R2 >= r && dataColumns.Any(c => c >= m.C1 && c <= m.C2)))
                    Fail($"{Col(m.C1)}{m.R1}", $"Dòng {r}", $"Ô gộp {Col(m.C1)}{m.R1}:{Col(m.C2)}{m.R2} trong bảng; mỗi dòng dự án ghi riêng từng ô.");

                var index = lines.Count;
                var path = $"lines[{index}]";
                var component = TextAt(r, componentCol.Value);
                var name = component ?? $"dòng {r}";
                _map.Add(path, $"A{r}:{Col(Math.Max(lastColumn, ColFirstSource + 3))}{r}", $"Dòng {name}");
                _map.Add($"{path}.component", $"{Col(componentCol.Value)}{r}", $"Dòng {name}, {HComponent}");
                _map.Add($"{path}.leadAgency", $"{Col(agencyCol.Value)}{r}", $"Dòng {name}, {HAgency}");
                var line = new JsonObject();
                if (component is not null) line["component"] = component;
                PutText(line, "leadAgency", r, agencyCol.Value);
                line["amounts"] = Amounts(r, $"{path}.amounts", $"Dòng {name}", sources, totalCol, inMillions);
                lines.Add(line);
            }
            var tableRange = $"A{headerRow}:{Col(Math.Max(lastColumn, ColFirstSource + 3))}{totalRow ?? _lastRow}";
            _map.Add("lines", tableRange, "Bảng phân bổ");
            root["lines"] = lines;

            if (totalRow is not { } t)
            {
                Fail($"C{_lastRow + 1}", "Bảng phân bổ", $"Thiếu dòng \"{TotalLabel}\" sau các dòng dự án (ghi \"{TotalLabel}\" ở cột {HContent} và tổng từng nguồn).");
                return;
            }
            _map.Add("totals", $"A{t}:{Col(Math.Max(lastColumn, ColFirstSource + 3))}{t}", $"Dòng {TotalLabel}");
            root["totals"] = Amounts(t, "totals", $"Dòng {TotalLabel}", sources, totalCol, inMillions);
        }

        private bool IsTotalRow(int row, int componentCol)
        {
            if (!IsBlank(row, componentCol)) return false;
            for (var c = 1; c <= ColAgency; c++)
                if (Normalize(TextAt(row, c)) is "tổng cộng" or "cộng" or "tổng số") return true;
            return false;
        }

        private JsonObject Amounts(int row, string path, string label, Dictionary<FundingSource, int> sources, int? totalCol, bool inMillions)
        {
            var amounts = new JsonObject();
            _map.Add(path, $"{Col(sources.Values.Min())}{row}:{Col(sources.Values.Max())}{row}", label);
            long sum = 0;
            var complete = true;
            foreach (var (source, column) in sources.OrderBy(s => s.Key))
            {
                var cellLabel = $"{label}, cột {FundingSources.ShortNameOf(source)}";
                _map.Add($"{path}.{source}", $"{Col(column)}{row}", cellLabel);
                var amount = AmountAt(row, column, cellLabel, inMillions, out var ok);
                complete &= ok;
                if (amount is { } a)
                {
                    amounts[source.ToString()] = a;
                    sum += a;
                }
            }
            // the "Tổng số" column is what the row adds up to: checked, never used
            if (totalCol is { } tc && complete && !IsBlank(row, tc) && !IsUncomputedFormula(row, tc))
            {
                var total = AmountAt(row, tc, $"{label}, cột {HTotal}", inMillions, out _);
                if (total is { } stated && stated != sum)
                    Fail($"{Col(tc)}{row}", $"{label}, cột {HTotal}",
                        $"Ghi {Vnd.Format(stated)} nhưng cộng các nguồn trên dòng được {Vnd.Format(sum)}.");
            }
            return amounts;
        }

        /// <summary>A cell of money in the sheet's unit → whole đồng; blank and "-" are nothing.</summary>
        private long? AmountAt(int row, int column, string label, bool inMillions, out bool ok)
        {
            ok = true;
            if (IsBlank(row, column)) return null;
            var where = $"{Col(column)}{row}";
            if (IsUncomputedFormula(row, column))
            {
                ok = false;
                Fail(where, label, "Ô có công thức nhưng chưa có giá trị đã tính: mở tệp bằng Excel, lưu lại rồi nhập.");
                return null;
            }
            if (TextAt(row, column) is not { } text || text is "-" or "–" or "—") return null;
            var value = NumberAt(row, column, label);
            if (value is not { } v)
            {
                ok = false;
                return null;
            }
            var decimals = inMillions ? MillionDecimals : 0;
            var exact = Exact(v, RawValue(CellAt(row, column)!), decimals);
            if (exact is null)
            {
                ok = false;
                Fail(where, label, inMillions
                    ? $"Số triệu đồng có quá {MillionDecimals} chữ số thập phân (đang ghi {v.ToString(CultureInfo.InvariantCulture)}); 1 đồng = 0,000001 triệu."
                    : $"Số tiền phải là số đồng nguyên, không có phần lẻ (đang ghi {v.ToString(CultureInfo.InvariantCulture)}).");
                return null;
            }
            var dong = inMillions ? exact.Value * 1_000_000m : exact.Value;
            if (Math.Abs(dong) > long.MaxValue)
            {
                ok = false;
                Fail(where, label, "Số tiền quá lớn, vượt giới hạn hệ thống.");
                return null;
            }
            return (long)dong;
        }

        /// <summary>
        /// The value with at most <paramref name="decimals"/> decimals, or null. Spreadsheet programs store a typed
        /// 4.35 as the binary double nearest to it, which may print as 4.3499999999999996; they keep 15 significant
        /// digits, so a value that is exact at 15 significant digits is taken as typed.
        /// </summary>
        private static decimal? Exact(decimal value, string? raw, int decimals)
        {
            if (Scale(value) <= decimals) return value;
            if (raw is not null && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                && decimal.TryParse(d.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var typed)
                && Scale(typed) <= decimals)
                return typed;
            return null;
        }

        private static int Scale(decimal value)
        {
            value /= 1.000000000000000000000000000000000m; // drop trailing zeros
            return (decimal.GetBits(value)[3] >> 16) & 0xFF;
        }

        // ----- cells

        private Cell? CellAt(int row, int column) => _cells.GetValueOrDefault((row, column));

        private bool IsBlank(int row, int column)
        {
            var cell = CellAt(row, column);
            return cell is null || (cell.CellFormula is null && string.IsNullOrWhiteSpace(TextAt(row, column)));
        }

        private bool IsUncomputedFormula(int row, int column) =>
            CellAt(row, column) is { CellFormula: not null } cell && string.IsNullOrEmpty(cell.CellValue?.Text);

        private static bool IsNumeric(Cell cell) => cell.DataType is null || cell.DataType.Value == CellValues.Number;

        private static string? RawValue(Cell cell) => cell.CellValue?.Text;

        /// <summary>The cell as text (numbers as written in the file), trimmed; null when blank.</summary>
        private string? TextAt(int row, int column)
        {
            var cell = CellAt(row, column);
            if (cell is null) return null;
            string? text;
            if (cell.DataType?.Value == CellValues.SharedString)
                text = int.TryParse(cell.CellValue?.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < _shared.Count ? _shared[i] : null;
            else if (cell.DataType?.Value == CellValues.InlineString)
                text = cell.InlineString?.InnerText;
            else if (cell.DataType?.Value == CellValues.Boolean)
                text = cell.CellValue?.Text == "1" ? "TRUE" : "FALSE";
            else
                text = cell.CellValue?.Text;
            text = text?.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        /// <summary>A number cell; text that is not a number is refused with the cell, not guessed at.</summary>
        private decimal? NumberAt(int row, int column, string label)
        {
            var cell = CellAt(row, column);
            var text = TextAt(row, column);
            if (cell is null || text is null) return null;
            var where = $"{Col(column)}{row}";
            if (cell.DataType?.Value == CellValues.Error)
            {
                Fail(where, label, $"Ô có lỗi công thức ({text}), không phải số.");
                return null;
            }
            if (IsNumeric(cell) || cell.DataType?.Value == CellValues.String)
            {
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var big) && !double.IsInfinity(big))
                {
                    Fail(where, label, "Số quá lớn, vượt giới hạn hệ thống.");
                    return null;
                }
            }
            Fail(where, label, $"Phải là số (đang ghi \"{Shorten(text)}\"). Nhập số vào ô, không kèm chữ hay dấu chấm phân cách hàng nghìn.");
            return null;
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
    }

    private static FundingSource? SourceOf(string key) => key switch
    {
        "nstw" or "ns trung ương" or "ngân sách trung ương" or "ngân sách trung ương (nstw)" or "central" => FundingSource.Central,
        "ns tỉnh" or "nst" or "ngân sách tỉnh" or "provincial" => FundingSource.Provincial,
        "ns huyện" or "nsh" or "ngân sách huyện" or "ngân sách huyện (đối ứng)" or "district" => FundingSource.District,
        "ns xã" or "nsx" or "ngân sách xã" or "commune" => FundingSource.Commune,
        _ => null,
    };

    /// <summary>Lower case, single spaces, precomposed letters, no trailing colon: how labels are compared.</summary>
    internal static string Normalize(string? text)
    {
        if (text is null) return "";
        var builder = new StringBuilder();
        foreach (var part in text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0) builder.Append(' ');
            builder.Append(part);
        }
        return builder.ToString().TrimEnd(':').Trim().ToLowerInvariant();
    }

    private static (int Row, int Col)? ParseRef(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return column > 0 && i < reference.Length && int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? (row, column) : null;
    }

    private static (int C1, int R1, int C2, int R2)? ParseRange(string range)
    {
        var parts = range.Split(':');
        if (ParseRef(parts[0]) is not { } a) return null;
        var b = parts.Length > 1 ? ParseRef(parts[1]) ?? a : a;
        return (Math.Min(a.Col, b.Col), Math.Min(a.Row, b.Row), Math.Max(a.Col, b.Col), Math.Max(a.Row, b.Row));
    }
}
