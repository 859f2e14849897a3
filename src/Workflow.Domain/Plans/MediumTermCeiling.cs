using Workflow.Domain.Catalog;
using Workflow.Domain.Money;

namespace Workflow.Domain.Plans;

/// <summary>
/// A unit's medium-term ceiling (kế hoạch trung hạn) for one component over a programme period: what the unit's annual
/// plans of those years may together allocate to it, per funding source. A ceiling on a project covers its
/// sub-projects too. Set by the province; replaced whole, never edited in place.
/// </summary>
public sealed class MediumTermCeiling
{
    private MediumTermCeiling() { UnitCode = Component = Basis = SetBy = ""; }

    public MediumTermCeiling(string unitCode, int fromYear, int toYear, string component, SourceAmounts amounts, string basis, string setBy, DateTimeOffset setAt)
    {
        UnitCode = unitCode;
        FromYear = fromYear;
        ToYear = toYear;
        Component = component;
        Amounts = amounts;
        Basis = basis;
        SetBy = setBy;
        SetAt = setAt;
    }

    public long Id { get; private set; }
    public string UnitCode { get; private set; }
    public int FromYear { get; private set; }
    public int ToYear { get; private set; }
    public string Component { get; private set; }
    public SourceAmounts Amounts { get; private set; } = SourceAmounts.Zero;

    /// <summary>The decision that assigned the ceiling (e.g. the province's medium-term plan).</summary>
    public string Basis { get; private set; }
    public string SetBy { get; private set; }
    public DateTimeOffset SetAt { get; private set; }

    /// <summary><c>from-to</c>, as programme periods are written: <c>2026-2030</c>.</summary>
    public string Period => $"{FromYear}-{ToYear}";

    public bool Covers(int fiscalYear) => fiscalYear >= FromYear && fiscalYear <= ToYear;

    /// <summary>Whether money on a line of <paramref name="component"/> counts against this ceiling: its own component or one of its sub-projects.</summary>
    public bool CoversComponent(string component, ProgrammePeriod catalogue) => Component == component || catalogue.IsAncestor(Component, component);

    /// <summary>What plan lines, summed by component in <paramref name="allocated"/>, put against this ceiling.</summary>
    public SourceAmounts Against(IReadOnlyDictionary<string, SourceAmounts> allocated, ProgrammePeriod catalogue) =>
        SourceAmounts.Sum(allocated.Where(a => CoversComponent(a.Key, catalogue)).Select(a => a.Value));
}
