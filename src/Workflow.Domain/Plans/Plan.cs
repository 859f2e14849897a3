using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Plans;

/// <summary>
/// A fiscal year's allocation (kế hoạch vốn) of one administrative unit. Its lines are the budget that proposals
/// draw on. It changes only by revision (điều chỉnh): a new version, history kept, no line cut below what is committed.
/// </summary>
public sealed class Plan
{
    private readonly List<PlanLine> _lines = [];
    private readonly List<PlanRevision> _revisions = [];

    private Plan() { UnitCode = ""; }

    public Guid Id { get; private set; }
    public int FiscalYear { get; private set; }
    public string UnitCode { get; private set; }
    public string? DecisionNumber { get; private set; }
    public DateOnly? DecisionDate { get; private set; }
    public string? DecisionIssuer { get; private set; }
    public string? DecisionTitle { get; private set; }
    public string? DecisionBasis { get; private set; }

    /// <summary>The counterpart terms the plan was checked against: the file's own, or the province's when the file is silent.</summary>
    public decimal CounterpartMinimumLocalRate { get; private set; }
    public IReadOnlyDictionary<FundingSource, decimal> CounterpartRates { get; private set; } = new Dictionary<FundingSource, decimal>();
    public long CounterpartRoundingUnit { get; private set; }
    public bool CounterpartStated { get; private set; }

    /// <summary>The <see cref="Policies.ProvincePolicy"/> version this plan was checked against (set at import and at each revision); null when its province had none.</summary>
    public int? PolicyVersionId { get; private set; }

    public void RecordPolicyVersion(int? policyVersionId) => PolicyVersionId = policyVersionId;

    /// <summary>1 on import, +1 per revision; also the concurrency token, so two revisions of one version cannot both win.</summary>
    public int Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<PlanLine> Lines => _lines;
    public IReadOnlyList<PlanRevision> Revisions => _revisions;

    public CounterpartTerms Counterpart => new(CounterpartMinimumLocalRate, CounterpartRates, CounterpartRoundingUnit);

    public SourceAmounts Totals => SourceAmounts.Sum(_lines.Select(l => l.Amounts));

    public static Plan Import(Guid id, PlanContent content, CounterpartTerms applied, IReadOnlyCollection<Agency> agencies,
        string actor, DateTimeOffset now, string contentJson)
    {
        var plan = new Plan
        {
            Id = id,
            FiscalYear = content.FiscalYear,
            UnitCode = content.Unit.Code,
            CreatedAt = now,
            CreatedBy = actor,
        };
        plan.Apply(content, applied, agencies, actor, now, contentJson, reason: null);
        return plan;
    }

    /// <summary>RULES.md 6: a revision replaces the content as a new version; no line may fall below its commitment.</summary>
    /// <param name="committed">Amount committed per (component, source); absent means nothing committed.</param>
    public void Revise(PlanContent content, CounterpartTerms applied, IReadOnlyCollection<Agency> agencies,
        IReadOnlyDictionary<(string Component, FundingSource Source), long> committed,
        string actor, DateTimeOffset now, string contentJson, string? reason)
    {
        var mismatch = new List<Violation>();
        if (content.FiscalYear != FiscalYear)
            mismatch.Add(new("fiscalYear", $"Bản điều chỉnh phải cùng năm kế hoạch {FiscalYear} (đã ghi {content.FiscalYear}); kế hoạch năm khác là một kế hoạch mới."));
        if (content.Unit.Code != UnitCode)
            mismatch.Add(new("unit.code", $"Bản điều chỉnh phải cùng đơn vị {UnitCode} (đã ghi {content.Unit.Code})."));
        if (mismatch.Count > 0) throw new ValidationFailedException(mismatch);

        var cuts = new List<Violation>();
        foreach (var ((component, source), amount) in committed.Where(c => c.Value > 0))
        {
            var index = content.Lines.ToList().FindIndex(l => l.Component == component);
            var newAmount = index < 0 ? 0 : content.Lines[index].AmountOf(source);
            if (newAmount < amount)
                cuts.Add(new(index < 0 ? "lines" : $"lines[{index}].amounts.{source}",
                    $"Quy tắc 6: {component} đã cam kết {Vnd.Format(amount)} {FundingSources.NameOf(source)}; bản điều chỉnh chỉ còn {Vnd.Format(newAmount)} (thiếu {Vnd.Format(amount - newAmount)})."));
        }
        if (cuts.Count > 0)
            throw new ConflictException("Bản điều chỉnh cắt giảm dưới mức đã cam kết chi.", "plan.belowCommitted") { Violations = cuts };

        Version++;
        Apply(content, applied, agencies, actor, now, contentJson, reason);
    }

    private void Apply(PlanContent content, CounterpartTerms applied, IReadOnlyCollection<Agency> agencies,
        string actor, DateTimeOffset now, string contentJson, string? reason)
    {
        if (Version == 0) Version = 1;
        DecisionNumber = content.Decision.Number;
        DecisionDate = content.Decision.Date;
        DecisionIssuer = content.Decision.Issuer;
        DecisionTitle = content.Decision.Title;
        DecisionBasis = content.Decision.Basis;
        CounterpartStated = content.Counterpart is not null;
        CounterpartMinimumLocalRate = applied.MinimumLocalRate;
        CounterpartRoundingUnit = applied.RoundingUnit;
        CounterpartRates = FundingSources.LocalBudget.Where(applied.Rates.ContainsKey).ToDictionary(s => s, s => applied.Rates[s]);
        UpdatedAt = now;

        var kept = new List<PlanLine>();
        for (var i = 0; i < content.Lines.Count; i++)
        {
            var line = content.Lines[i];
            var agency = agencies.First(a => a.IsNamed(line.LeadAgency));
            var existing = _lines.FirstOrDefault(l => l.ComponentCode == line.Component);
            if (existing is null)
            {
                existing = new PlanLine(Guid.NewGuid(), Id, line.Component);
                _lines.Add(existing);
            }
            existing.Set(i, agency.Code, line.Amounts);
            kept.Add(existing);
        }
        _lines.RemoveAll(l => !kept.Contains(l));
        _lines.Sort((a, b) => a.Position.CompareTo(b.Position));
        _revisions.Add(new PlanRevision(Id, Version, contentJson, now, actor, reason));
    }
}

/// <summary>One component's allocation in a plan, per budget source. Keeps its id across revisions so commitments stay attached.</summary>
public sealed class PlanLine
{
    private PlanLine() { ComponentCode = LeadAgencyCode = ""; }

    internal PlanLine(Guid id, Guid planId, string componentCode)
    {
        Id = id;
        PlanId = planId;
        ComponentCode = componentCode;
        LeadAgencyCode = "";
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public int Position { get; private set; }
    public string ComponentCode { get; private set; }
    public string LeadAgencyCode { get; private set; }
    public SourceAmounts Amounts { get; private set; } = SourceAmounts.Zero;

    public long Amount(FundingSource source) => Amounts[source];

    public long Total => Amounts.Total;

    internal void Set(int position, string leadAgencyCode, IReadOnlyDictionary<FundingSource, long> amounts)
    {
        Position = position;
        LeadAgencyCode = leadAgencyCode;
        Amounts = SourceAmounts.From(amounts);
    }
}

/// <summary>A version of a plan as it was imported or revised: the file's canonical JSON, who and when.</summary>
public sealed class PlanRevision
{
    private PlanRevision() { ContentJson = CreatedBy = ""; }

    internal PlanRevision(Guid planId, int version, string contentJson, DateTimeOffset createdAt, string createdBy, string? reason)
    {
        PlanId = planId;
        Version = version;
        ContentJson = contentJson;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
        Reason = reason;
    }

    public long Id { get; private set; }
    public Guid PlanId { get; private set; }
    public int Version { get; private set; }
    public string ContentJson { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }
    public string? Reason { get; private set; }
}
