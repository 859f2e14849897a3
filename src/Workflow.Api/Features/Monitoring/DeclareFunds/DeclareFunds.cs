using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Domain.Administration;
using Workflow.Domain.Common;
using Workflow.Domain.Monitoring.Indicators;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Monitoring.DeclareFunds;

/// <summary>
/// <c>PUT /api/monitoring/declared-funds</c>: the amounts of a unit's plan that do not pass through this system, for
/// one fiscal year and component, in đồng. The same unit, year and component again replaces them.
/// </summary>
public sealed record DeclareFundsCommand(string? Unit, int? Year, string? Component, long? Integrated, long? Credit, long? Contribution) : IRequest<DeclaredFundsView>;

/// <summary><c>GET /api/monitoring/declared-funds?unit=&amp;year=</c>.</summary>
public sealed record ListDeclaredFundsQuery(string? Unit, int? Year) : IRequest<IReadOnlyList<DeclaredFundsView>>;

public sealed record DeclaredFundsView(string Unit, int Year, string Component, long Integrated, long Credit, long Contribution, long Total, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static DeclaredFundsView Of(DeclaredFunds f) => new(f.UnitCode, f.Year, f.Component, f.Integrated, f.Credit, f.Contribution, f.Total, f.RecordedBy, f.RecordedAt);
}

public sealed class DeclareFundsHandler(WorkflowDbContext db, MonitoringAccess access, ICurrentUser user, AdminJournal journal, ProgrammeCatalogues programmes, TimeProvider clock)
    : IRequestHandler<DeclareFundsCommand, DeclaredFundsView>, IRequestHandler<ListDeclaredFundsQuery, IReadOnlyList<DeclaredFundsView>>
{
    public async Task<DeclaredFundsView> Handle(DeclareFundsCommand r, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var (unitCode, _) = await access.UnitToRecordAsync(r.Unit, ct);
        if (r.Year is not (>= 2021 and <= 2035)) throw new ValidationFailedException("year", $"Năm {r.Year} nằm ngoài các năm 2021–2035 mà hệ thống quản lý.");
        var component = r.Component?.Trim() ?? "";
        var period = programmes.For(r.Year.Value).Period;
        if (!period.InScope.Any(c => c.Code == component))
            throw new ValidationFailedException("component",
                $"Dự án thành phần '{r.Component}' không có trong giai đoạn {period.Id}; chọn: {string.Join(", ", period.InScope.Select(c => c.Code))}.");
        var now = clock.GetUtcNow();
        var existing = await db.DeclaredFunds.SingleOrDefaultAsync(f => f.UnitCode == unitCode && f.Year == r.Year && f.Component == component, ct);
        var journalId = $"{unitCode}/{r.Year}/{component}";
        if (existing is null)
        {
            existing = DeclaredFunds.Declare(unitCode, r.Year.Value, component, r.Integrated, r.Credit, r.Contribution, user.UserName, now);
            db.DeclaredFunds.Add(existing);
            journal.Record(AdminObjectTypes.DeclaredFunds, journalId, unitCode, "create", null, DeclaredFundsView.Of(existing));
        }
        else
        {
            var before = DeclaredFundsView.Of(existing);
            existing.Correct(r.Integrated, r.Credit, r.Contribution, user.UserName, now);
            journal.Record(AdminObjectTypes.DeclaredFunds, journalId, unitCode, "update", before, DeclaredFundsView.Of(existing));
        }
        await db.SaveChangesAsync(ct);
        return DeclaredFundsView.Of(existing);
    }

    public async Task<IReadOnlyList<DeclaredFundsView>> Handle(ListDeclaredFundsQuery r, CancellationToken cancellationToken)
    {
        var unit = string.IsNullOrWhiteSpace(r.Unit) ? user.UnitCode : r.Unit.Trim();
        await access.EnsureVisibleAsync(unit, cancellationToken);
        var rows = await db.DeclaredFunds.AsNoTracking().Where(f => f.UnitCode == unit && (r.Year == null || f.Year == r.Year)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(f => f.Year).ThenBy(f => f.Component, StringComparer.Ordinal).Select(DeclaredFundsView.Of)];
    }
}
