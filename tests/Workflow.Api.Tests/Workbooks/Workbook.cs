using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Workflow.Api.Tests.Workbooks;

/// <summary>Edits a workbook the way a clerk would in Excel: find a cell by its text, type over a cell, merge cells.</summary>
public sealed class Workbook : IDisposable
{
    private readonly MemoryStream _memory = new();
    private readonly SpreadsheetDocument _document;
    private readonly Worksheet _sheet;

    private Workbook(byte[] content)
    {
        _memory.Write(content);
        _memory.Position = 0;
        _document = SpreadsheetDocument.Open(_memory, true);
        _sheet = _document.WorkbookPart!.WorksheetParts.First().Worksheet;
    }

    public static byte[] Edit(byte[] content, Action<Workbook> edit)
    {
        using var workbook = new Workbook(content);
        edit(workbook);
        return workbook.Save();
    }

    /// <summary>The reference of the first cell whose text is <paramref name="text"/> (inline or shared).</summary>
    public string Find(string text) =>
        _sheet.Descendants<Cell>().FirstOrDefault(c => TextOf(c) == text)?.CellReference?.Value
        ?? throw new InvalidOperationException($"No cell says '{text}'.");

    /// <summary>The cell in the same row as the cell saying <paramref name="text"/>, in <paramref name="column"/>.</summary>
    public string InRowOf(string text, string column) => column + Row(Find(text));

    public string? ValueAt(string reference) => CellAt(reference) is { } c ? TextOf(c) ?? c.CellValue?.Text : null;

    public Workbook Number(string reference, string value)
    {
        var cell = CellAt(reference, create: true)!;
        cell.DataType = CellValues.Number;
        cell.InlineString = null;
        cell.CellFormula = null;
        cell.CellValue = new CellValue(value);
        return this;
    }

    public Workbook Text(string reference, string text)
    {
        var cell = CellAt(reference, create: true)!;
        cell.CellValue = null;
        cell.CellFormula = null;
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text));
        return this;
    }

    public Workbook Merge(string range)
    {
        var merges = _sheet.Elements<MergeCells>().First();
        merges.Append(new MergeCell { Reference = range });
        merges.Count = (uint)merges.Elements<MergeCell>().Count();
        return this;
    }

    private Cell? CellAt(string reference, bool create = false)
    {
        var data = _sheet.GetFirstChild<SheetData>()!;
        var rowIndex = (uint)Row(reference);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowIndex);
        if (row is null)
        {
            if (!create) return null;
            row = new Row { RowIndex = rowIndex };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex!.Value < rowIndex);
            if (after is null) data.PrependChild(row); else after.InsertAfterSelf(row);
        }
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        if (cell is null && create)
        {
            cell = new Cell { CellReference = reference };
            var before = row.Elements<Cell>().FirstOrDefault(c => Column(c.CellReference!.Value!) > Column(reference));
            if (before is null) row.Append(cell); else before.InsertBeforeSelf(cell);
        }
        return cell;
    }

    private string? TextOf(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString)
            return _document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text)).InnerText;
        return null;
    }

    private static int Row(string reference) => int.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()));

    private static int Column(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + (ch - 'A' + 1));

    private byte[] Save()
    {
        _sheet.Save();
        _document.Dispose();
        return _memory.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _memory.Dispose();
    }
}
