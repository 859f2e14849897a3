using Workflow.Api.Features.Monitoring.Indicators;
using Workflow.Domain.Monitoring.Indicators;

namespace Workflow.Api.Pages;

/// <summary>One row of the outputs block: an indicator picked from the catalogue and its quantity; a blank row is none.</summary>
public sealed class OutputRow
{
    public string? Indicator { get; set; }
    public long? Quantity { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Indicator) && Quantity is null;

    /// <summary>The rows filled in, in order; blank ones dropped, so the form needs no script to add or remove rows.</summary>
    public static List<OutputInput?> ToInputs(IEnumerable<OutputRow>? rows) =>
        [.. (rows ?? []).Where(r => r is not null && !r.IsBlank).Select(r => new OutputInput(r.Indicator, r.Quantity))];

    /// <summary>The outputs held, then blank rows up to <paramref name="atLeast"/>, with room for two more.</summary>
    public static List<OutputRow> Padded(IEnumerable<OutputRow> rows, int atLeast = 5)
    {
        var filled = rows.Where(r => !r.IsBlank).ToList();
        var count = Math.Max(atLeast, filled.Count + 2);
        return [.. filled, .. Enumerable.Range(0, count - filled.Count).Select(_ => new OutputRow())];
    }

    public static List<OutputRow> From(IEnumerable<OutputView> outputs) =>
        Padded(outputs.Select(o => new OutputRow { Indicator = o.Indicator, Quantity = o.Quantity }));
}

/// <summary>What <c>_OutputRows.cshtml</c> shows: the rows under <see cref="Prefix"/>, the indicators to pick from, their errors.</summary>
public sealed record OutputRowsForm(string Id, string Heading, string Prefix, IReadOnlyList<Indicator> Indicators, IReadOnlyList<OutputRow> Rows,
    IEnumerable<(string Path, string Message)> Errors);
