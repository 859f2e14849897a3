using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Disbursements.Rules;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;
using Workflow.Domain.Proposals.Rules;
using Workflow.Domain.Settlements;
using Workflow.Domain.Settlements.Rules;

namespace Workflow.Domain.Opening;

/// <summary>One sheet of the opening-position workbook: the key used in error paths and the title the office sees.</summary>
public sealed record OpeningSheet(string Key, string Title)
{
    public static readonly OpeningSheet Proposals = new("proposals", "Đề xuất");
    public static readonly OpeningSheet Disbursements = new("disbursements", "Giải ngân");
    public static readonly OpeningSheet Settlements = new("settlements", "Quyết toán");

    /// <summary>The path of a cell: <c>proposals.rows[5].Central</c>, where 5 is the row number Excel shows.</summary>
    public string Path(int row, string field) => $"{Key}.rows[{row}].{field}";

    /// <summary>Where a message is about, in the office's words: "Trang «Đề xuất», dòng 5: ".</summary>
    public string Where(int row) => $"Trang «{Title}», dòng {row}: ";

    public Violation At(int row, string field, string message) => new(Path(row, field), Where(row) + message);
}

/// <summary>A proposal approved before the office went live (sheet «Đề xuất»), as read from the file.</summary>
/// <param name="Row">The row number in the sheet.</param>
/// <param name="Key">The office's own number for the proposal (STT), by which the other sheets name it.</param>
/// <param name="AgencyCode">The lead agency the file names, or null when the cell is empty.</param>
public sealed record OpeningProposalRow(
    int Row, string Key, string Component, string? AgencyCode, string Title, ProposalKind Kind, AreaType AreaType,
    string DecisionNumber, DateOnly DecisionDate, long TotalCost, long StateSupport, SourceAmounts Split);

/// <summary>An advance or a payment the treasury already paid (sheet «Giải ngân»).</summary>
public sealed record OpeningDisbursementRow(int Row, string ProposalKey, DisbursementKind Kind, SourceAmounts Amounts, string TreasuryReference, DateOnly PaidOn);

/// <summary>A settlement already approved (sheet «Quyết toán»): what was accepted and its actual cost per source.</summary>
public sealed record OpeningSettlementRow(int Row, string ProposalKey, string Outputs, DateOnly? AcceptedOn, SourceAmounts ActualCost);

/// <summary>A plan line as the check needs it: what approvals may still commit on it, per source.</summary>
public sealed record OpeningLine(Guid Id, string Component, string LeadAgencyCode, SourceAmounts Uncommitted);

/// <summary>What the file is, once it is read: the rows that could be read, and every key the proposals sheet names (also on rows with unreadable cells).</summary>
public sealed record OpeningFile(
    IReadOnlyList<OpeningProposalRow> Proposals, IReadOnlyList<OpeningDisbursementRow> Disbursements, IReadOnlyList<OpeningSettlementRow> Settlements,
    IReadOnlySet<string> AllProposalKeys)
{
    public bool IsEmpty => AllProposalKeys.Count == 0 && Proposals.Count == 0 && Disbursements.Count == 0 && Settlements.Count == 0;
}

/// <summary>A disbursement to open, with the cash it released (RULES.md 15–16: a payment clearing advances releases only what exceeds them).</summary>
public sealed record OpenedDisbursement(OpeningDisbursementRow Row, SourceAmounts Cash);

/// <summary>A settlement to open and what it did to the line (RULES.md 17). With a refund due it waits, approved, for the refund to be received.</summary>
public sealed record OpenedSettlement(OpeningSettlementRow Row, SettlementOutcome Outcome)
{
    public bool AwaitsRefund => !Outcome.RefundDue.IsZero;
}

/// <summary>A proposal to open with everything that happened to it, in the order it happened.</summary>
public sealed record OpenedProposal(OpeningProposalRow Row, OpeningLine Line, IReadOnlyList<OpenedDisbursement> Disbursements, OpenedSettlement? Settlement)
{
    /// <summary>Per source, advances and payments paid (RULES.md 15).</summary>
    public DisbursementPosition Position => DisbursementPosition.Of(Disbursements.Select(d => (d.Row.Kind, d.Row.Amounts)));
}

/// <summary>
/// Going live mid-year: an office that kept its books in spreadsheets brings one plan's opening position in — the
/// proposals already approved, what the treasury already paid on them, the settlements already approved. Nothing is
/// taken on trust: the figures must hold together exactly as if they had gone through the system's own processes —
/// commitments within what the line still has (RULES.md 9), advances and payments each within the approved amount
/// per source (12), the actual cost within the cash paid (17), no advance outstanding at settlement (15), splits
/// adding up to the state support. Every problem is reported, each at its sheet, row and column; a file with any
/// problem opens nothing.
/// </summary>
public static class OpeningPosition
{
    /// <summary>The journal action that places a subject directly in its state.</summary>
    public const string Action = "open-position";

    /// <summary>The journal comment on every opening entry.</summary>
    public const string Comment = "Số dư đầu kỳ khi chuyển sang hệ thống";

    /// <summary>The opening of every ledger note the opening writes.</summary>
    public const string NotePrefix = "Số dư đầu kỳ khi chuyển sang hệ thống";

    public const int MaxKeyLength = 32;
    public const int MaxDecisionNumberLength = 128;

    public static (IReadOnlyList<Violation> Violations, IReadOnlyList<OpenedProposal> Proposals) Check(
        OpeningFile file, IReadOnlyList<OpeningLine> lines, int fiscalYear, DateOnly today)
    {
        var yearEnd = new DateOnly(fiscalYear, 12, 31);
        var violations = new List<Violation>();
        if (file.IsEmpty)
            return ([new Violation("file", "Tệp chưa có dòng nào: ghi các đề xuất đã phê duyệt trên trang «Đề xuất» (và giải ngân, quyết toán nếu có).")], []);

        var sheet = OpeningSheet.Proposals;
        var proposals = new Dictionary<string, (OpeningProposalRow Row, OpeningLine Line)>(StringComparer.OrdinalIgnoreCase);
        var asked = new Dictionary<Guid, SourceAmounts>();
        foreach (var row in file.Proposals)
        {
            var problems = new List<Violation>();
            if (row.Key.Length > MaxKeyLength) problems.Add(sheet.At(row.Row, "key", $"STT tối đa {MaxKeyLength} ký tự."));
            else if (file.Proposals.FirstOrDefault(p => p.Row < row.Row && string.Equals(p.Key, row.Key, StringComparison.OrdinalIgnoreCase)) is { } earlier)
                problems.Add(sheet.At(row.Row, "key", $"STT «{row.Key}» đã dùng cho đề xuất ở dòng {earlier.Row}; mỗi đề xuất một STT riêng."));
            var line = lines.FirstOrDefault(l => string.Equals(l.Component, row.Component, StringComparison.OrdinalIgnoreCase));
            if (line is null)
                problems.Add(sheet.At(row.Row, "component", $"kế hoạch không có dòng «{row.Component}»; chọn một mã trong danh sách ({string.Join(", ", lines.Select(l => l.Component))})."));
            else if (row.AgencyCode is not null && !string.Equals(row.AgencyCode, line.LeadAgencyCode, StringComparison.OrdinalIgnoreCase))
                problems.Add(sheet.At(row.Row, "agency", $"{RuleText.Prefix(LeadAgencyOwnsProposal.Number)} dòng {line.Component} do cơ quan {line.LeadAgencyCode} chủ trì, không phải {row.AgencyCode}."));
            if (string.IsNullOrWhiteSpace(row.DecisionNumber)) problems.Add(sheet.At(row.Row, "decisionNumber", "nhập số quyết định phê duyệt."));
            else if (row.DecisionNumber.Length > MaxDecisionNumberLength || row.DecisionNumber.Any(char.IsControl))
                problems.Add(sheet.At(row.Row, "decisionNumber", $"số quyết định tối đa {MaxDecisionNumberLength} ký tự, không xuống dòng."));
            if (row.DecisionDate > today) problems.Add(sheet.At(row.Row, "decisionDate", $"ngày quyết định {row.DecisionDate:dd/MM/yyyy} chưa đến; số dư đầu kỳ chỉ ghi việc đã xảy ra."));
            if (row.StateSupport > row.TotalCost && row.TotalCost > 0)
                problems.Add(sheet.At(row.Row, "stateSupport", $"ngân sách hỗ trợ {Vnd.Format(row.StateSupport)} lớn hơn tổng kinh phí {Vnd.Format(row.TotalCost)}."));
            else
                problems.AddRange(ProposalRules.CheckContent(ContentOf(row, yearEnd)).Select(v => sheet.At(row.Row, v.Path.Split('.')[0], v.Message)));
            foreach (var (source, amount) in row.Split.Entries.Where(e => e.Amount is < 0 or > Vnd.MaxAmount))
                problems.Add(sheet.At(row.Row, source.ToString(), $"{FundingSources.NameOf(source)} từ 0 đến {Vnd.Format(Vnd.MaxAmount)}."));
            if (row.Split.Entries.All(e => e.Amount is >= 0 and <= Vnd.MaxAmount) && row.Split.Total != row.StateSupport)
                problems.Add(sheet.At(row.Row, "stateSupport",
                    $"{RuleText.Prefix(SplitFollowsLine.Number)} chia theo nguồn cộng được {Vnd.Format(row.Split.Total)} ({row.Split}), khác ngân sách hỗ trợ {Vnd.Format(row.StateSupport)} (chênh {Vnd.Format(row.Split.Total - row.StateSupport)})."));
            violations.AddRange(problems);
            if (problems.Count > 0 || line is null) continue;

            proposals[row.Key] = (row, line);
            // RULES.md 9: what the file commits on the line, row by row, stays within what the line still has
            var before = asked.GetValueOrDefault(line.Id, SourceAmounts.Zero);
            var after = before + row.Split;
            asked[line.Id] = after;
            foreach (var (source, excess) in after.ExcessOver(line.Uncommitted).Where(e => row.Split[e.Source] > 0))
                violations.Add(sheet.At(row.Row, source.ToString(),
                    $"{RuleText.Prefix(WithinLineRemaining.Number)} cộng dồn các đề xuất trên dòng {line.Component} – {FundingSources.NameOf(source)} đến dòng này là {Vnd.Format(after[source])}, " +
                    $"vượt số còn chưa cam kết của dòng kế hoạch {Vnd.Format(line.Uncommitted[source])} (thừa {Vnd.Format(excess)})."));
        }

        // disbursements of each proposal in the order the treasury paid them
        var paid = new Dictionary<string, List<OpenedDisbursement>>(StringComparer.OrdinalIgnoreCase);
        sheet = OpeningSheet.Disbursements;
        foreach (var row in file.Disbursements.OrderBy(d => d.PaidOn).ThenBy(d => d.Row))
        {
            if (!proposals.TryGetValue(row.ProposalKey, out var proposal))
            {
                if (!file.AllProposalKeys.Contains(row.ProposalKey))
                    violations.Add(sheet.At(row.Row, "proposal", $"không có đề xuất STT «{row.ProposalKey}» trên trang «{OpeningSheet.Proposals.Title}»."));
                continue; // a proposal with problems of its own: its row says what to fix first
            }
            var problems = new List<Violation>();
            foreach (var (source, amount) in row.Amounts.Entries.Where(e => e.Amount is < 0 or > Vnd.MaxAmount))
                problems.Add(sheet.At(row.Row, source.ToString(), $"{FundingSources.NameOf(source)} từ 0 đến {Vnd.Format(Vnd.MaxAmount)}."));
            if (problems.Count == 0 && row.Amounts.Total <= 0)
                problems.Add(sheet.At(row.Row, "Central", "số tiền đã giải ngân phải lớn hơn 0 ở ít nhất một nguồn."));
            problems.AddRange(TreasuryConfirmation.Check(row.TreasuryReference, row.PaidOn).Select(v => sheet.At(row.Row, Field(v.Path), v.Message)));
            if (row.PaidOn > today) problems.Add(sheet.At(row.Row, "paidOn", $"ngày thanh toán {row.PaidOn:dd/MM/yyyy} chưa đến."));
            else if (row.PaidOn < proposal.Row.DecisionDate)
                problems.Add(sheet.At(row.Row, "paidOn", $"ngày thanh toán {row.PaidOn:dd/MM/yyyy} trước ngày quyết định phê duyệt {proposal.Row.DecisionDate:dd/MM/yyyy} của đề xuất STT {proposal.Row.Key}."));
            var list = paid.TryGetValue(row.ProposalKey, out var existing) ? existing : paid[row.ProposalKey] = [];
            var before = DisbursementPosition.Of(list.Select(d => (d.Row.Kind, d.Row.Amounts)));
            if (problems.Count == 0)
                problems.AddRange(WithinApproved.Check(row.Kind, row.Amounts, before, proposal.Row.Split)
                    .Select(v => sheet.At(row.Row, Field(v.Path), v.Message + $" (đề xuất STT {proposal.Row.Key}, {proposal.Row.DecisionNumber})")));
            violations.AddRange(problems);
            if (problems.Count == 0) list.Add(new OpenedDisbursement(row, TreasuryConfirmation.CashReleased(before, row.Kind, row.Amounts)));
        }

        var settled = new Dictionary<string, OpenedSettlement>(StringComparer.OrdinalIgnoreCase);
        sheet = OpeningSheet.Settlements;
        foreach (var row in file.Settlements)
        {
            if (!proposals.TryGetValue(row.ProposalKey, out var proposal))
            {
                if (!file.AllProposalKeys.Contains(row.ProposalKey))
                    violations.Add(sheet.At(row.Row, "proposal", $"không có đề xuất STT «{row.ProposalKey}» trên trang «{OpeningSheet.Proposals.Title}»."));
                continue;
            }
            var problems = new List<Violation>();
            if (settled.TryGetValue(row.ProposalKey, out var first))
                problems.Add(sheet.At(row.Row, "proposal", $"đề xuất STT {row.ProposalKey} đã được quyết toán ở dòng {first.Row.Row}; mỗi đề xuất một hồ sơ quyết toán."));
            problems.AddRange(AcceptanceRecord.Check(new SettlementContent(row.Outputs, row.AcceptedOn, Beneficiaries.None, row.ActualCost))
                .Select(v => sheet.At(row.Row, Field(v.Path), v.Message)));
            if (row.AcceptedOn > today) problems.Add(sheet.At(row.Row, "acceptedOn", $"ngày nghiệm thu {row.AcceptedOn:dd/MM/yyyy} chưa đến."));
            var position = DisbursementPosition.Of(paid.GetValueOrDefault(row.ProposalKey, []).Select(d => (d.Row.Kind, d.Row.Amounts)));
            var moneyProblems = position.CheckNoAdvanceOutstanding()
                .Select(v => sheet.At(row.Row, "advances", v.Message + $" (đề xuất STT {proposal.Row.Key}: tạm ứng {Vnd.Format(position.Advances.Total)}, thanh toán {Vnd.Format(position.Payments.Total)})"))
                .Concat(SettlementWithinDisbursed.Check(row.ActualCost, position.Cash).Select(v => sheet.At(row.Row, Field(v.Path), v.Message)))
                .ToList();
            if (problems.Count == 0) problems.AddRange(moneyProblems);
            violations.AddRange(problems);
            if (problems.Count == 0)
                settled[row.ProposalKey] = new OpenedSettlement(row, SettlementWithinDisbursed.Outcome(proposal.Row.Split, row.ActualCost, position.Cash));
        }

        if (violations.Count > 0) return (violations, []);
        return ([], proposals.Values.OrderBy(p => p.Row.Row)
            .Select(p => new OpenedProposal(p.Row, p.Line, paid.GetValueOrDefault(p.Row.Key, []), settled.GetValueOrDefault(p.Row.Key)))
            .ToList());
    }

    /// <summary>
    /// The proposal as the system keeps it. The file carries what the decision approved; the rest is implied: the
    /// participants' own contribution is the total cost less the state support (recorded as cash), the work runs from
    /// the decision to the end of the fiscal year, an activity is of type Other, and no beneficiaries are counted.
    /// </summary>
    public static ProposalContent ContentOf(OpeningProposalRow row, DateOnly yearEnd)
    {
        var end = row.DecisionDate > yearEnd ? row.DecisionDate : yearEnd;
        return new ProposalContent(row.Title, row.Kind, row.Kind == ProposalKind.Activity ? ActivityType.Other : null, row.AreaType, [],
            row.DecisionDate, end, row.TotalCost, row.StateSupport, row.Split,
            new ParticipantCounterpart(Math.Max(0, row.TotalCost - row.StateSupport), 0, 0), Beneficiaries.None, [], null);
    }

    /// <summary>A rule's path (<c>split.Central</c>, <c>data.paidOn</c>, <c>actualCost.District</c>) as the column it is about.</summary>
    private static string Field(string path) => path.Contains('.') ? path[(path.LastIndexOf('.') + 1)..] : path;
}
