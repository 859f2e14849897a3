namespace Workflow.Domain.Catalog;

/// <summary>
/// The component tree of one programme period (e.g. 2021–2025 under QĐ 90/QĐ-TTg): which projects and
/// sub-projects exist, their Vietnamese names, and which of them this system manages (Dự án 2, 3, 4, 6, 7). Data,
/// read from a <c>catalogues/*.catalogue.json</c> file by <see cref="CatalogueReader"/>; no I/O here.
/// </summary>
public sealed class ProgrammePeriod
{
    private readonly Dictionary<string, Component> _byCode;

    public ProgrammePeriod(string id, int version, int fromYear, int toYear, string name, string legalBasis, IReadOnlyList<Component> components,
        PeriodCounterpartFloor? counterpartFloor = null, string? programmeCode = null)
    {
        ProgrammeCode = programmeCode;
        CounterpartFloor = counterpartFloor;
        Id = id;
        Version = version;
        FromYear = fromYear;
        ToYear = toYear;
        Name = name;
        LegalBasis = legalBasis;
        Components = components;
        _byCode = components.ToDictionary(c => c.Code, StringComparer.Ordinal);
    }

    /// <summary><c>from-to</c>, e.g. <c>2021-2025</c>.</summary>
    public string Id { get; }
    public int Version { get; }
    public int FromYear { get; }
    public int ToYear { get; }
    public string Name { get; }
    /// <summary>The decision that approved the programme and its component list.</summary>
    public string LegalBasis { get; }
    public IReadOnlyList<Component> Components { get; }

    /// <summary>Mã chương trình mục tiêu, dự án (5 digits) payment orders carry; null until the catalogue states it.</summary>
    public string? ProgrammeCode { get; }

    /// <summary>
    /// A component's budget codes, inherited from its project when the sub-project states none (a payment is
    /// classified under the nearest level that has a code).
    /// </summary>
    public (string? Sector, string? EconomicContent) BudgetCodesOf(string code)
    {
        string? sector = null, content = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = Find(code); c is not null && seen.Add(c.Code); c = c.ParentCode is { } parent ? Find(parent) : null)
        {
            sector ??= c.SectorCode;
            content ??= c.EconomicContentCode;
        }
        return (sector, content);
    }

    /// <summary>The lowest minimum counterpart any province may set for a year of this period (RULES.md 5); null when the period's rules do not state one yet.</summary>
    public PeriodCounterpartFloor? CounterpartFloor { get; }

    public IEnumerable<Component> InScope => Components.Where(c => c.InScope);

    public bool Covers(int fiscalYear) => fiscalYear >= FromYear && fiscalYear <= ToYear;

    /// <summary>The years as people write them: <c>2021–2025</c>.</summary>
    public string Years => $"{FromYear}–{ToYear}";

    public Component? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The component's name, or the code itself when this period does not know it.</summary>
    public string NameOf(string code) => Find(code)?.Name ?? code;

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="code"/>'s parent, grandparent, …</summary>
    public bool IsAncestor(string ancestor, string code)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = Find(code); c?.ParentCode is { } parent && seen.Add(parent); c = Find(parent))
            if (parent == ancestor) return true;
        return false;
    }
}

/// <summary>The legal floor of the minimum local counterpart in a period, with the text that sets it.</summary>
public sealed record PeriodCounterpartFloor(decimal Rate, string Basis);
