using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Plans.Rules;
using Workflow.Domain.Policies;
using Workflow.Domain.Proposals;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.Policies.CreatePolicyVersion;

public sealed record RateInput(decimal? Value, string? Basis, bool? Illustrative);
public sealed record AmountInput(long? Value, string? Basis, bool? Illustrative);
public sealed record DateInput(DateOnly? Value, string? Basis, bool? Illustrative);
public sealed record YearsInput(int? Value, string? Basis, bool? Illustrative);
public sealed record MapInput<T>(T? Value, string? Basis, bool? Illustrative) where T : class;

/// <summary>The values of a new version, each with its legal basis; <c>approverAlsoAbove</c>, <c>deadlineDays</c>, <c>adjustmentPeriodEnd</c> and <c>personalDataRetentionYears</c> are optional.</summary>
public sealed record PolicyValuesInput(
    RateInput? MinimumLocalRate,
    MapInput<Dictionary<FundingSource, decimal>>? CounterpartRates,
    AmountInput? RoundingUnit,
    MapInput<Dictionary<ProposalKind, Dictionary<AreaType, decimal>>>? SupportCapRates,
    AmountInput? TaskBasedMaximum,
    RateInput? MinimumBeneficiaryShare,
    RateInput? PriorityBeneficiaryShare,
    AmountInput? AdvanceContractAbove,
    RateInput? AdvanceMaxRate,
    AmountInput? ApproverAlsoAbove,
    MapInput<Dictionary<string, int>>? DeadlineDays,
    DateInput? AdjustmentPeriodEnd,
    YearsInput? PersonalDataRetentionYears = null)
{
    /// <summary>
    /// The values, or null with a violation at the path of every missing one. With <paramref name="withPlaceholders"/>
    /// a missing value is replaced by one that passes every check, so the values that were given are still checked.
    /// </summary>
    public PolicyValues? ToValues(int fiscalYear, List<Violation> v, bool withPlaceholders = false)
    {
        var before = v.Count;
        void Missing(string name) => v.Add(new($"values.{name}.value", "Nêu giá trị này (kèm căn cứ pháp lý)."));
        PolicyValue<decimal>? Rate(RateInput? input, string name, decimal placeholder = 0)
        {
            if (input?.Value is not { } value) { Missing(name); return withPlaceholders ? new(placeholder, "-") : null; }
            return new(value, input.Basis ?? "", input.Illustrative ?? false);
        }
        PolicyValue<long>? Amount(AmountInput? input, string name, long placeholder = 0)
        {
            if (input?.Value is not { } value) { Missing(name); return withPlaceholders ? new(placeholder, "-") : null; }
            return new(value, input.Basis ?? "", input.Illustrative ?? false);
        }
        PolicyValue<T>? Map<T>(T? value, string? basis, bool? illustrative, string name, T placeholder) where T : class
        {
            if (value is null) { Missing(name); return withPlaceholders ? new(placeholder, "-") : null; }
            return new(value, basis ?? "", illustrative ?? false);
        }
        var minimum = Rate(MinimumLocalRate, "minimumLocalRate");
        var rates = Map<IReadOnlyDictionary<FundingSource, decimal>>(CounterpartRates?.Value, CounterpartRates?.Basis, CounterpartRates?.Illustrative, "counterpartRates", new Dictionary<FundingSource, decimal>());
        var rounding = Amount(RoundingUnit, "roundingUnit", placeholder: 1);
        var caps = Map<IReadOnlyDictionary<ProposalKind, IReadOnlyDictionary<AreaType, decimal>>>(
            SupportCapRates?.Value?.ToDictionary(k => k.Key, k => (IReadOnlyDictionary<AreaType, decimal>)k.Value),
            SupportCapRates?.Basis, SupportCapRates?.Illustrative, "supportCapRates", new Dictionary<ProposalKind, IReadOnlyDictionary<AreaType, decimal>>());
        var task = Amount(TaskBasedMaximum, "taskBasedMaximum");
        var minShare = Rate(MinimumBeneficiaryShare, "minimumBeneficiaryShare");
        var priority = Rate(PriorityBeneficiaryShare, "priorityBeneficiaryShare", placeholder: 1);
        var above = Amount(AdvanceContractAbove, "advanceContractAbove");
        var advance = Rate(AdvanceMaxRate, "advanceMaxRate");
        var approver = ApproverAlsoAbove is null ? null : Amount(ApproverAlsoAbove, "approverAlsoAbove");
        var deadlines = DeadlineDays is null ? null : Map<IReadOnlyDictionary<string, int>>(DeadlineDays.Value, DeadlineDays.Basis, DeadlineDays.Illustrative, "deadlineDays", new Dictionary<string, int>());
        var end = AdjustmentPeriodEnd?.Value is { } date
            ? new PolicyValue<DateOnly>(date, AdjustmentPeriodEnd.Basis ?? "", AdjustmentPeriodEnd.Illustrative ?? false)
            : new PolicyValue<DateOnly>(PolicyValues.DefaultAdjustmentPeriodEnd(fiscalYear), AdjustmentPeriodEnd?.Basis ?? PolicyValues.AdjustmentPeriodBasis);
        PolicyValue<int>? retention = null;
        if (PersonalDataRetentionYears is { } years)
        {
            if (years.Value is { } y) retention = new(y, years.Basis ?? "", years.Illustrative ?? false);
            else Missing("personalDataRetentionYears");
        }
        if (v.Count > before && !withPlaceholders) return null;
        return new PolicyValues(minimum!, rates!, rounding!, caps!, task!, minShare!, priority!, above!, advance!, approver, deadlines, end, retention);
    }
}

/// <summary>The body of <c>POST /api/admin/policies</c>: a new version of a province's policy for a fiscal year.</summary>
public sealed record CreatePolicyVersionCommand(string? Province, int? FiscalYear, DateOnly? EffectiveFrom, PolicyValuesInput? Values) : IRequest<PolicyVersionView>;

public sealed class CreatePolicyVersionValidator : AbstractValidator<CreatePolicyVersionCommand>
{
    public CreatePolicyVersionValidator()
    {
        RuleFor(c => c).Custom((c, context) =>
        {
            var v = new List<Violation>();
            if (string.IsNullOrWhiteSpace(c.Province)) v.Add(new("province", "Chọn tỉnh (mã đơn vị cấp tỉnh)."));
            if (c.FiscalYear is not { } year || year is < 2021 or > 2035) v.Add(new("fiscalYear", "Năm ngân sách phải từ 2021 đến 2035."));
            if (c.EffectiveFrom is null) v.Add(new("effectiveFrom", "Nêu ngày có hiệu lực của phiên bản (yyyy-MM-dd)."));
            if (c.Values is null) v.Add(new("values", "Nêu các giá trị của chính sách, mỗi giá trị kèm căn cứ."));
            else if (c.FiscalYear is { } fy && fy is >= 2021 and <= 2035 && c.Values.ToValues(fy, v, withPlaceholders: true) is { } values)
                v.AddRange(values.Check(fy));
            // thrown rather than added as failures: the paths hold keys as sent (counterpartRates.value.District), which
            // the behaviour's camel-casing of property names would change
            if (v.Count > 0) throw new ValidationFailedException(v);
        });
    }
}

/// <summary>
/// Adds version n+1 of a province's policy for the year. It applies from its effective date, which is not before
/// today (Vietnam) unless it is the year's first version: what was checked before keeps the version it recorded.
/// </summary>
public sealed class CreatePolicyVersionHandler(WorkflowDbContext db, PolicyAccess access, AdminJournal journal, ICurrentUser user,
    Workflow.Infrastructure.Catalogues.ProgrammeCatalogues catalogues, Workflow.Infrastructure.Workflows.DefinitionCatalog definitions, TimeProvider clock)
    : IRequestHandler<CreatePolicyVersionCommand, PolicyVersionView>
{
    public async Task<PolicyVersionView> Handle(CreatePolicyVersionCommand request, CancellationToken cancellationToken)
    {
        var province = await access.ProvinceAsync(request.Province, cancellationToken);
        var year = request.FiscalYear!.Value;
        var values = request.Values!.ToValues(year, [])!;
        // the period's legal floor binds the province as it binds each plan (RULES.md 5)
        if (CounterpartFloor.Check(year, values.MinimumLocalRate.Value, catalogues.For(year).Period, "values.minimumLocalRate.value").ToList() is [_, ..] belowFloor)
            throw new ValidationFailedException(belowFloor);
        // a deadline names a state that has a task in a process the server runs
        var unknown = (values.DeadlineDays?.Value.Keys ?? []).Where(key =>
            key.Split('.') is not [var process, var state]
            || definitions.Current.FirstOrDefault(d => d.Id == process)?.FindState(state)?.Task is null).ToList();
        if (unknown.Count > 0)
            throw new ValidationFailedException(unknown.Select(key => new Violation($"values.deadlineDays.value.{key}",
                $"'{key}' không phải bước có việc của quy trình nào (các bước: {string.Join(", ", definitions.Current.SelectMany(d => d.States.Where(st => st.Task is not null).Select(st => $"{d.Id}.{st.Name}")))}).")).ToList());
        var latest = await db.ProvincePolicies.Where(p => p.ProvinceCode == province.Code && p.FiscalYear == year)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(WorkingCalendar.VietnamOffset).DateTime);
        var from = request.EffectiveFrom!.Value;
        if (latest is not null && (from < today || from < latest.EffectiveFrom))
            throw new ValidationFailedException("effectiveFrom",
                $"Phiên bản mới có hiệu lực từ hôm nay ({today:dd/MM/yyyy}) trở đi và không trước phiên bản {latest.Version} ({latest.EffectiveFrom:dd/MM/yyyy}); hồ sơ đã kiểm tra giữ phiên bản đã áp dụng.");

        var policy = new ProvincePolicy(province.Code, year, (latest?.Version ?? 0) + 1, from, values, user.UserName, now);
        db.ProvincePolicies.Add(policy);
        journal.Record(AdminObjectTypes.Policy, $"{province.Code}/{year}/{policy.Version}", province.Code, "create", null, PolicyVersionView.Of(policy));
        await AdminChanges.SaveAsync(db, $"Phiên bản {policy.Version} của chính sách tỉnh {province.Code} năm {year} vừa được tạo; tải lại và tạo phiên bản tiếp theo.",
            "policy.duplicate", cancellationToken, "effectiveFrom");
        var view = PolicyVersionView.Of(policy);
        return view;
    }
}
