using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;
using Workflow.Api.Common;
using Workflow.Api.Features.Search;

namespace Workflow.Api.Features.Proposals.ListProposals;

/// <param name="Search">A code or words of the title (<see cref="DossierSearch"/>).</param>
/// <param name="After">A page's <see cref="ProposalPage.Next"/>: the page after it, however deep (<see cref="Page"/> is then ignored).</param>
public sealed record ListProposalsQuery(Guid? PlanId, string? Component, string? Agency, string? State, SettlementStatus? SettlementStatus, int Page, int PageSize,
    ProposalCursor? After = null, DossierSearch? Search = null, int? FiscalYear = null) : IRequest<ProposalPage>;

/// <param name="Next">Where the next page starts (send it back as <c>after</c>); null on the last page.</param>
public sealed record ProposalPage(IReadOnlyList<ProposalSummary> Items, int Page, int PageSize, int Total, string? Next = null);

/// <summary>
/// A place in the list's order — newest change first, then unit and code, which are unique together — so a page
/// continues from the last row it showed by the index, instead of counting past every row before it.
/// </summary>
public sealed record ProposalCursor(DateTimeOffset UpdatedAt, string UnitCode, string Code)
{
    public override string ToString() =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{UpdatedAt.UtcTicks}|{UnitCode}|{Code}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static ProposalCursor? Parse(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            if (parts.Length == 3 && long.TryParse(parts[0], out var ticks) && ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks)
                return new ProposalCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1], parts[2]);
        }
        catch (FormatException)
        {
        }
        throw new ValidationFailedException(field, $"'{field}' phải là giá trị 'next' của trang trước, gửi lại nguyên văn.");
    }
}

public sealed record ProposalSummary(
    Guid Id, string Code, string Title, string Component, string AgencyCode, string AgencyName, ProposalKind Kind, int FiscalYear,
    long StateSupport, string State, string StateName, SettlementStatus SettlementStatus, string? DecisionNumber, DateTimeOffset UpdatedAt);

public sealed class ListProposalsHandler(WorkflowDbContext db, ProposalAccess access, DefinitionCatalog catalog) : IRequestHandler<ListProposalsQuery, ProposalPage>
{
    public async Task<ProposalPage> Handle(ListProposalsQuery request, CancellationToken cancellationToken)
    {
        var proposals = (await access.VisibleAsync(cancellationToken)).AsNoTracking();
        if (request.PlanId is { } planId) proposals = proposals.Where(p => p.PlanId == planId);
        if (!string.IsNullOrWhiteSpace(request.Component)) proposals = proposals.Where(p => p.Component == request.Component);
        if (!string.IsNullOrWhiteSpace(request.Agency)) proposals = proposals.Where(p => p.AgencyCode == request.Agency);
        if (request.FiscalYear is { } year) proposals = proposals.Where(p => p.FiscalYear == year);
        if (request.Search is { } search) proposals = search.Proposals(proposals);
        var rows = from p in proposals
                   join i in db.WorkflowInstances on p.InstanceId equals i.Id
                   join a in db.Agencies on p.AgencyCode equals a.Code
                   let settlementState = (from s in db.Settlements join si in db.WorkflowInstances on s.InstanceId equals si.Id where s.ProposalId == p.Id select si.State).FirstOrDefault()
                   select new { p, i.State, i.DefinitionId, i.DefinitionVersion, AgencyName = a.Name, SettlementState = settlementState };
        if (!string.IsNullOrWhiteSpace(request.State)) rows = rows.Where(r => r.State == request.State);
        if (request.SettlementStatus is { } status)
        {
            string?[] states = status switch
            {
                SettlementStatus.NotStarted => [null],
                SettlementStatus.InProgress => [SettlementProcess.Draft],
                SettlementStatus.Submitted => [SettlementProcess.Submitted, SettlementProcess.Verified],
                SettlementStatus.Approved => [SettlementProcess.Approved],
                _ => [SettlementProcess.Closed],
            };
            rows = status == SettlementStatus.NotStarted ? rows.Where(r => r.SettlementState == null) : rows.Where(r => states.Contains(r.SettlementState));
        }

        // without a filter on the process, the count needs the proposals alone (every one has its instance and agency)
        var total = string.IsNullOrWhiteSpace(request.State) && request.SettlementStatus is null
            ? await proposals.CountAsync(cancellationToken)
            : await rows.CountAsync(cancellationToken);
        if (request.After is { } after)
            rows = rows.Where(r => r.p.UpdatedAt < after.UpdatedAt
                                   || r.p.UpdatedAt == after.UpdatedAt && (string.Compare(r.p.UnitCode, after.UnitCode) < 0
                                                                           || r.p.UnitCode == after.UnitCode && string.Compare(r.p.Code, after.Code) < 0));
        var ordered = rows.OrderByDescending(r => r.p.UpdatedAt).ThenByDescending(r => r.p.UnitCode).ThenByDescending(r => r.p.Code);
        var page = await (request.After is null ? ordered.Skip(ListPaging.Offset(request.Page, request.PageSize)) : ordered).Take(request.PageSize).ToListAsync(cancellationToken);
        var last = page.Count == request.PageSize ? page[^1].p : null;
        return new ProposalPage(page.Select(r => new ProposalSummary(r.p.Id, r.p.Code, r.p.Title, r.p.Component, r.p.AgencyCode, r.AgencyName, r.p.Kind, r.p.FiscalYear,
            r.p.StateSupport, r.State, catalog.Get(r.DefinitionId, r.DefinitionVersion).State(r.State).DisplayName,
            Settlement.StatusOf(r.SettlementState), r.p.DecisionNumber, r.p.UpdatedAt)).ToList(), request.Page, request.PageSize, total,
            last is null ? null : new ProposalCursor(last.UpdatedAt, last.UnitCode, last.Code).ToString());
    }
}
