using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin.GetCeilings;
using Workflow.Api.Features.Plans;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Plans;
using Workflow.Domain.Plans.Rules;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.SetCeilings;

public sealed record CeilingLineInput(string? Component, Dictionary<FundingSource, long>? Amounts);

/// <summary>The body of <c>PUT /api/admin/units/{code}/ceilings/{period}</c>: the whole set, with the decision that assigned it.</summary>
public sealed record SetCeilingsRequest(string? Basis, List<CeilingLineInput?>? Lines);

/// <summary>
/// Replaces a unit's medium-term ceilings for a period. Refused at the field for a component the period's catalogue
/// does not manage, a repeated one, a negative or oversized amount, district money from 2026 (rule 22) or no basis;
/// refused as a conflict when the unit's plans already allocate more than a new ceiling, or the unit has ceilings for
/// an overlapping period. An empty list removes the limit. Journaled with the set before and after.
/// </summary>
public sealed record SetCeilingsCommand(string Code, string Period, string? Basis, List<CeilingLineInput?>? Lines) : IRequest<CeilingsView>;

public sealed class SetCeilingsHandler(WorkflowDbContext db, AdminScope scope, AdminJournal journal, ProgrammeCatalogues catalogues, ICurrentUser user,
    TimeProvider clock) : IRequestHandler<SetCeilingsCommand, CeilingsView>
{
    public const int MaxBasisLength = 500;

    public async Task<CeilingsView> Handle(SetCeilingsCommand request, CancellationToken cancellationToken)
    {
        var unit = await scope.UnitAsync(request.Code, cancellationToken);
        var (from, to) = CeilingPeriod.Parse(request.Period, "period");
        var catalogue = catalogues.For(from).Period;
        var v = new List<Violation>();
        var basis = request.Basis?.Trim();
        if (string.IsNullOrEmpty(basis))
            v.Add(new("basis", "Nêu văn bản giao kế hoạch trung hạn (số, ngày, cơ quan ban hành)."));
        else if (basis.Length > MaxBasisLength || basis.Any(char.IsControl))
            v.Add(new("basis", $"Căn cứ tối đa {MaxBasisLength} ký tự, không có ký tự điều khiển."));
        if (request.Lines is null) v.Add(new("lines", "Nêu danh sách trần theo dự án (lines; danh sách rỗng để bỏ giới hạn)."));

        var amounts = new Dictionary<string, SourceAmounts>(StringComparer.Ordinal);
        for (var i = 0; i < (request.Lines?.Count ?? 0); i++)
        {
            var path = $"lines[{i}]";
            var line = request.Lines![i];
            var component = line?.Component?.Trim() ?? "";
            if (catalogue.Find(component) is not { InScope: true })
                v.Add(new($"{path}.component", $"'{component}' không phải dự án hệ thống quản lý trong danh mục giai đoạn {catalogue.Years} ({string.Join(", ", catalogue.InScope.Select(c => c.Code))})."));
            else if (amounts.ContainsKey(component))
                v.Add(new($"{path}.component", $"{component} đã có ở dòng trước; mỗi dự án một trần."));
            foreach (var (source, amount) in line?.Amounts ?? [])
            {
                if (amount is < 0 or > Vnd.MaxAmount)
                    v.Add(new($"{path}.amounts.{source}", $"Số tiền từ 0 đến {Vnd.Format(Vnd.MaxAmount)} (đã ghi {amount})."));
                else if (source == FundingSource.District && amount > 0 && TwoLevelGovernment.Applies(from))
                    v.Add(new($"{path}.amounts.District", $"{RuleText.Prefix(TwoLevelGovernment.Number, TwoLevelGovernment.Source)} giai đoạn từ {TwoLevelGovernment.FirstTwoLevelYear} không có ngân sách huyện."));
            }
            if (line?.Amounts is null) v.Add(new($"{path}.amounts", "Nêu số tiền theo nguồn (Central, Provincial, Commune…)."));
            else if (component.Length > 0) amounts.TryAdd(component, SourceAmounts.From(line.Amounts));
        }
        if (v.Count > 0) throw new ValidationFailedException(v);

        var overlapping = await db.MediumTermCeilings.AsNoTracking()
            .Where(c => c.UnitCode == unit.Code && c.FromYear <= to && c.ToYear >= from && !(c.FromYear == from && c.ToYear == to))
            .Select(c => c.FromYear + "-" + c.ToYear).Distinct().ToListAsync(cancellationToken);
        if (overlapping.Count > 0)
            throw new ConflictException($"{unit.Code} đã có kế hoạch trung hạn giai đoạn {string.Join(", ", overlapping)} trùng năm với {from}-{to}.", "ceiling.overlap");

        var now = clock.GetUtcNow();
        var next = amounts.Select(a => new MediumTermCeiling(unit.Code, from, to, a.Key, a.Value, basis!, user.UserName, now)).ToList();
        var allocated = await MediumTermCeilings.AllocatedAsync(db, unit.Code, from, to, null, cancellationToken);
        var below = next.SelectMany(c =>
        {
            var used = c.Against(allocated, catalogue);
            return used.ExcessOver(c.Amounts).Select(e => new Violation($"lines[{request.Lines!.FindIndex(l => l?.Component?.Trim() == c.Component)}].amounts.{e.Source}",
                $"Các kế hoạch năm {from}–{to} của {unit.Code} đã phân bổ {Vnd.Format(used[e.Source])} {FundingSources.NameOf(e.Source)} cho {c.Component}, vượt trần mới {Vnd.Format(c.Amounts[e.Source])}."));
        }).ToList();
        if (next.Count > 0)
            below.AddRange(allocated.Keys.Where(k => !next.Any(c => c.CoversComponent(k, catalogue)))
                .Select(k => new Violation("lines", $"Các kế hoạch năm {from}–{to} của {unit.Code} đã phân bổ cho {k}, dự án không có trần trong danh sách mới.")));
        if (below.Count > 0)
            throw new ConflictException("Trần mới thấp hơn số các kế hoạch năm đã phân bổ; điều chỉnh kế hoạch năm trước hoặc nâng trần.", "ceiling.belowPlans") { Violations = below };

        var current = await db.MediumTermCeilings.Where(c => c.UnitCode == unit.Code && c.FromYear == from && c.ToYear == to).ToListAsync(cancellationToken);
        var before = current.Count == 0 ? null : Snapshot(current);
        db.MediumTermCeilings.RemoveRange(current);
        db.MediumTermCeilings.AddRange(next);
        journal.Record(AdminObjectTypes.Ceiling, $"{unit.Code}/{from}-{to}", unit.Code, "set", before, Snapshot(next));
        await AdminChanges.SaveAsync(db, $"Kế hoạch trung hạn của {unit.Code} giai đoạn {from}-{to} vừa được người khác ghi; tải lại rồi thực hiện lại.",
            "ceiling.concurrent", cancellationToken, "lines");
        return await GetCeilingsHandler.ViewAsync(db, catalogues, unit.Code, from, to, cancellationToken);
    }

    private static object Snapshot(IEnumerable<MediumTermCeiling> rows) =>
        rows.OrderBy(c => c.Component, StringComparer.Ordinal).Select(c => new { c.Component, c.Amounts.Central, c.Amounts.Provincial, c.Amounts.District, c.Amounts.Commune, c.Basis }).ToList();
}
