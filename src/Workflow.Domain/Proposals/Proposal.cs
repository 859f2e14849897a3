using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Workflows;

namespace Workflow.Domain.Proposals;

public enum ProposalKind
{
    /// <summary>Dự án liên kết theo chuỗi giá trị (NĐ 27/2022 Điều 21).</summary>
    ValueChain,
    /// <summary>Dự án phát triển sản xuất cộng đồng (NĐ 27/2022 Điều 22).</summary>
    Community,
    /// <summary>Mô hình giảm nghèo (Dự án 2).</summary>
    PovertyReductionModel,
    /// <summary>Kế hoạch hoạt động: đào tạo, truyền thông, giám sát…</summary>
    Activity,
}

public enum ActivityType { Training, Communication, Monitoring, Other }

public enum AreaType
{
    /// <summary>Vùng đặc biệt khó khăn.</summary>
    EspeciallyDifficult,
    /// <summary>Vùng khó khăn.</summary>
    Difficult,
    Other,
}

/// <summary>The participants' own contribution (vốn đối ứng của người dân): cash, labour days valued in đồng, in kind.</summary>
public sealed record ParticipantCounterpart(long Cash, long Labour, long InKind)
{
    public long Total => checked(Cash + Labour + InKind);
}

/// <summary>Who takes part, by household status (RULES.md 11).</summary>
public sealed record Beneficiaries(int Poor, int NearPoor, int NewlyEscaped, int EthnicMinority, int Disabled, int TotalParticipants)
{
    public static readonly Beneficiaries None = new(0, 0, 0, 0, 0, 0);

    /// <summary>Program beneficiaries: poor, near-poor, newly escaped and disabled (ethnic minority is a priority, not a separate count).</summary>
    public int ProgramBeneficiaries => Poor + NearPoor + NewlyEscaped + Disabled;
}

public sealed record Attachment(string Name, string Sha256);

/// <summary>What a proposal asks for; the same for create and edit.</summary>
public sealed record ProposalContent(
    string Title, ProposalKind Kind, ActivityType? ActivityType, AreaType AreaType, IReadOnlyList<string> Communes,
    DateOnly StartDate, DateOnly EndDate, long TotalCost, long StateSupport, SourceAmounts? Split,
    ParticipantCounterpart Counterpart, Beneficiaries Beneficiaries, IReadOnlyList<Attachment> Attachments, long? ContractValue,
    IReadOnlyList<Monitoring.Indicators.OutputQuantity>? PlannedOutputs = null);

/// <summary>
/// A sub-project a lead agency proposes against one plan line (đề xuất dự án / mô hình / kế hoạch hoạt động).
/// Its state lives in its workflow instance; its content changes only while it is a draft.
/// </summary>
public sealed class Proposal
{
    private Proposal() { }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid PlanLineId { get; private set; }
    public string Component { get; private set; } = "";
    public string AgencyCode { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public Guid InstanceId { get; private set; }
    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>The code and title folded for search (<see cref="Common.SearchKey"/>): kept with the title it folds.</summary>
    public string SearchKey { get; private set; } = "";
    public ProposalKind Kind { get; private set; }
    public ActivityType? ActivityType { get; private set; }
    public AreaType AreaType { get; private set; }
    public IReadOnlyList<string> Communes { get; private set; } = [];
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public long TotalCost { get; private set; }
    public long StateSupport { get; private set; }

    /// <summary>The state support per budget source (RULES.md 8).</summary>
    public SourceAmounts Split { get; private set; } = SourceAmounts.Zero;
    public bool SplitByHand { get; private set; }
    public long CounterpartCash { get; private set; }
    public long CounterpartLabour { get; private set; }
    public long CounterpartInKind { get; private set; }

    /// <summary>The <see cref="Policies.ProvincePolicy"/> version this proposal was checked against (set at each submission); null when its province had none.</summary>
    public int? PolicyVersionId { get; private set; }

    public void RecordPolicyVersion(int? policyVersionId) => PolicyVersionId = policyVersionId;
    public int Poor { get; private set; }
    public int NearPoor { get; private set; }
    public int NewlyEscaped { get; private set; }
    public int EthnicMinority { get; private set; }
    public int Disabled { get; private set; }
    public int TotalParticipants { get; private set; }
    public IReadOnlyList<Attachment> Attachments { get; private set; } = [];
    public long? ContractValue { get; private set; }

    /// <summary>The outputs it promises, per indicator of its programme period's catalogue (checked there, docs/monitoring.md).</summary>
    public IReadOnlyList<Monitoring.Indicators.OutputQuantity> PlannedOutputs { get; private set; } = [];

    public string? DecisionNumber { get; private set; }
    public DateOnly? DecisionDate { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Revision { get; private set; }

    public ParticipantCounterpart Counterpart => new(CounterpartCash, CounterpartLabour, CounterpartInKind);

    public Beneficiaries Beneficiaries => new(Poor, NearPoor, NewlyEscaped, EthnicMinority, Disabled, TotalParticipants);

    public long Amount(FundingSource source) => Split[source];

    public static Proposal Draft(Guid id, string code, Guid planId, Guid planLineId, string component, string agencyCode, string unitCode, int fiscalYear,
        ProposalContent content, SourceAmounts split, bool splitByHand, string actor, DateTimeOffset now)
    {
        var proposal = new Proposal
        {
            Id = id, Code = code, PlanId = planId, PlanLineId = planLineId, Component = component, AgencyCode = agencyCode,
            UnitCode = unitCode, FiscalYear = fiscalYear, CreatedAt = now, CreatedBy = actor,
        };
        proposal.Set(content, split, splitByHand, now);
        return proposal;
    }

    public void AttachTo(Guid instanceId) => InstanceId = instanceId;

    /// <summary>The agency corrects its proposal; only a draft changes (also after a return for revision).</summary>
    public void Edit(ProposalContent content, SourceAmounts split, bool splitByHand, string currentState, DateTimeOffset now)
    {
        if (currentState != ProposalProcess.Draft)
            throw new ConflictException($"Chỉ sửa được đề xuất ở trạng thái Dự thảo (hiện tại: {currentState}).", "proposal.notDraft");
        Set(content, split, splitByHand, now);
        Revision++;
    }

    /// <summary>
    /// Money is moving on this proposal (a disbursement or its settlement): the revision rises, so two such
    /// movements that read the proposal's position at the same time cannot both commit.
    /// </summary>
    public void MarkMoneyMoved(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
    }

    public void RecordDecision(string number, DateOnly date, DateTimeOffset now)
    {
        DecisionNumber = number;
        DecisionDate = date;
        UpdatedAt = now;
        Revision++;
    }

    /// <summary>
    /// An amending decision (quyết định điều chỉnh) on an approved proposal: the state support becomes
    /// <paramref name="split"/>'s total, the total cost moves by the same difference (the participants' own contribution
    /// stays), and the new decision is the one in force. The ledger moves the commitment by the difference.
    /// </summary>
    public void Amend(SourceAmounts split, bool splitByHand, string decisionNumber, DateOnly decisionDate, DateTimeOffset now)
    {
        if (split.Total <= 0 || split.Entries.Any(e => e.Amount < 0))
            throw new ValidationFailedException("data.stateSupport", "Kinh phí ngân sách hỗ trợ sau điều chỉnh phải lớn hơn 0; để thôi thực hiện, hủy quyết định.");
        TotalCost = checked(TotalCost + split.Total - StateSupport);
        StateSupport = split.Total;
        Split = split;
        SplitByHand = splitByHand;
        RecordDecision(decisionNumber, decisionDate, now);
    }

    private void Set(ProposalContent c, SourceAmounts split, bool splitByHand, DateTimeOffset now)
    {
        var violations = ProposalRules.CheckContent(c).ToList();
        if (split.Total != c.StateSupport || split.Entries.Any(e => e.Amount < 0))
            violations.Add(new("split", $"{RuleText.Prefix(Rules.SplitFollowsLine.Number)} cộng các nguồn được {Vnd.Format(split.Total)}, khác kinh phí ngân sách hỗ trợ {Vnd.Format(c.StateSupport)}."));
        if (violations.Count > 0) throw new ValidationFailedException(violations);
        Title = c.Title;
        SearchKey = Common.SearchKey.Of(Code, c.Title);
        Kind = c.Kind;
        ActivityType = c.ActivityType;
        AreaType = c.AreaType;
        Communes = c.Communes.ToList();
        StartDate = c.StartDate;
        EndDate = c.EndDate;
        TotalCost = c.TotalCost;
        StateSupport = c.StateSupport;
        Split = split;
        SplitByHand = splitByHand;
        CounterpartCash = c.Counterpart.Cash;
        CounterpartLabour = c.Counterpart.Labour;
        CounterpartInKind = c.Counterpart.InKind;
        Poor = c.Beneficiaries.Poor;
        NearPoor = c.Beneficiaries.NearPoor;
        NewlyEscaped = c.Beneficiaries.NewlyEscaped;
        EthnicMinority = c.Beneficiaries.EthnicMinority;
        Disabled = c.Beneficiaries.Disabled;
        TotalParticipants = c.Beneficiaries.TotalParticipants;
        Attachments = c.Attachments.ToList();
        ContractValue = c.ContractValue;
        PlannedOutputs = c.PlannedOutputs?.ToList() ?? [];
        UpdatedAt = now;
    }
}
