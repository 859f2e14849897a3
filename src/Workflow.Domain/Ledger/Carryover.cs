using Workflow.Domain.Catalog;

namespace Workflow.Domain.Ledger;

/// <summary>
/// Chuyển nguồn (RULES.md 19): the finance office carries a closed year's line into the next year's plan. The
/// uncommitted allocation moves to the next year's line (CarryOut / CarryIn in the ledger); the commitments of
/// approved proposals stay on their line, which keeps taking their disbursements.
/// </summary>
public sealed class Carryover
{
    private Carryover() { }

    public Carryover(Guid id, Guid fromPlanLineId, Guid toPlanLineId, string decisionReference, IReadOnlyDictionary<FundingSource, long> moved,
        IReadOnlyDictionary<FundingSource, long> commitmentsKept, string actor, DateTimeOffset at)
    {
        Id = id;
        FromPlanLineId = fromPlanLineId;
        ToPlanLineId = toPlanLineId;
        DecisionReference = decisionReference;
        MovedCentral = moved.GetValueOrDefault(FundingSource.Central);
        MovedProvincial = moved.GetValueOrDefault(FundingSource.Provincial);
        MovedDistrict = moved.GetValueOrDefault(FundingSource.District);
        MovedCommune = moved.GetValueOrDefault(FundingSource.Commune);
        KeptCommitments = commitmentsKept.Values.Sum();
        Actor = actor;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid FromPlanLineId { get; private set; }
    public Guid ToPlanLineId { get; private set; }
    public string DecisionReference { get; private set; } = "";
    public long MovedCentral { get; private set; }
    public long MovedProvincial { get; private set; }
    public long MovedDistrict { get; private set; }
    public long MovedCommune { get; private set; }
    public long KeptCommitments { get; private set; }
    public string Actor { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public long Moved(FundingSource source) => source switch
    {
        FundingSource.Central => MovedCentral,
        FundingSource.Provincial => MovedProvincial,
        FundingSource.District => MovedDistrict,
        FundingSource.Commune => MovedCommune,
        _ => 0,
    };
}
