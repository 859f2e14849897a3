using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Plans;
using Workflow.Domain.Catalog;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Identity;
using Workflow.Domain.Plans;
using Workflow.Domain.Policies;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Ledger;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Policies;
using Workflow.Infrastructure.Seeding;

namespace Workflow.Api.Seeding;

/// <summary>
/// The demo organisations, only in Development or with --seed-demo, all with the password <see cref="Password"/>:
/// the Hớn Quản 2024 district from the seed plan (Kế hoạch thực hiện CTMTQG GNBV năm 2024, UBND huyện Hớn Quản) with its
/// agencies, its plan and one user per role, kept for reading history; the two-level Đồng Nai organisation of
/// <see cref="DongNai2026"/> with its province policy and commune plans from 2026; and a national administrator
/// (unit <c>VN</c>). Each organisation is seeded once, when its users are absent.
/// </summary>
public sealed class DemoData(WorkflowDbContext db, IPasswordHasher<User> hasher, PlanLedger ledger, Workflow.Infrastructure.Catalogues.ProgrammeCatalogues catalogues, TimeProvider clock, ILogger<DemoData> logger)
{
    public const string Password = "Demo@2024";
    public const string UnitCode = "BP.HQ";

    public static readonly IReadOnlyList<Agency> Agencies =
    [
        new("BP.HQ.NN", "Trung tâm Dịch vụ nông nghiệp huyện", AgencyKind.LeadAgency, UnitCode),
        new("BP.HQ.YT", "Trung tâm Y tế huyện", AgencyKind.LeadAgency, UnitCode),
        new("BP.HQ.GDNN", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện", AgencyKind.LeadAgency, UnitCode),
        new("BP.HQ.LDTBXH", "Phòng Lao động - Thương binh và Xã hội", AgencyKind.StandingOffice, UnitCode),
        new("BP.HQ.VHTT", "Phòng Văn hóa - Thông tin", AgencyKind.LeadAgency, UnitCode),
        new("BP.HQ.TCKH", "Phòng Tài chính - Kế hoạch", AgencyKind.FinanceOffice, UnitCode),
        new("BP.HQ.UBND", "UBND huyện Hớn Quản", AgencyKind.PeoplesCommittee, UnitCode),
        new("BP.HQ.KBNN", "Kho bạc Nhà nước Hớn Quản", AgencyKind.Treasury, UnitCode),
    ];

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("nongnghiep", "Cán bộ Trung tâm Dịch vụ nông nghiệp", "BP.HQ.NN", UnitCode, [Roles.LeadAgency]),
        new("yte", "Cán bộ Trung tâm Y tế", "BP.HQ.YT", UnitCode, [Roles.LeadAgency]),
        new("gdnn", "Cán bộ Trung tâm GDNN-GDTX", "BP.HQ.GDNN", UnitCode, [Roles.LeadAgency]),
        new("laodong", "Cán bộ Phòng LĐTBXH", "BP.HQ.LDTBXH", UnitCode, [Roles.LeadAgency, Roles.Monitor]),
        new("vanhoa", "Cán bộ Phòng Văn hóa - Thông tin", "BP.HQ.VHTT", UnitCode, [Roles.LeadAgency]),
        new("taichinh", "Cán bộ Phòng Tài chính - Kế hoạch", "BP.HQ.TCKH", UnitCode, [Roles.FinanceOffice]),
        new("taichinh2", "Cán bộ Phòng Tài chính - Kế hoạch (2)", "BP.HQ.TCKH", UnitCode, [Roles.FinanceOffice]),
        new("chutich", "Chủ tịch UBND huyện", "BP.HQ.UBND", UnitCode, [Roles.Approver]),
        new("khobac", "Cán bộ Kho bạc Nhà nước", "BP.HQ.KBNN", UnitCode, [Roles.Treasury]),
        // a national administrator: belongs to the root unit and its administering agency (reference data)
        new("admin", "Quản trị hệ thống", ReferenceData.NationalAdministrationCode, AdminUnit.NationalCode, [Roles.Admin]),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        try
        {
            if (!await db.Users.AnyAsync(u => u.UserName == "admin", ct))
                await SeedHonQuanAsync(ct);
            if (!await db.Users.AnyAsync(u => u.UserName == DongNai2026.Users[0].UserName, ct))
                await SeedDongNaiAsync(ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear(); // another server seeded it first
        }
    }

    private async Task SeedHonQuanAsync(CancellationToken ct)
    {
        await AddAgenciesAsync(Agencies, ct);
        AddUsers(Users);
        if (!await db.Plans.AnyAsync(p => p.UnitCode == UnitCode && p.FiscalYear == 2024, ct))
        {
            var plan = await HonQuan2024Async(ct);
            db.Plans.Add(plan);
            await ledger.SyncAsync(plan, "system", clock.GetUtcNow(), ct);
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo organisation seeded: unit {Unit}, {Users} users, password {Password}", UnitCode, Users.Count, Password);
    }

    /// <summary>
    /// Đồng Nai's policy and both communes' plans for 2026 and, when the clock is later, for every year up to the current
    /// one, so the demo always has an open year to work in.
    /// </summary>
    private async Task SeedDongNaiAsync(CancellationToken ct)
    {
        await AddAgenciesAsync(DongNai2026.Agencies, ct);
        AddUsers(DongNai2026.Users);
        var known = await db.UnitAssignments.Select(a => new { a.UnitCode, a.Part }).ToListAsync(ct);
        db.UnitAssignments.AddRange(DongNai2026.Assignments().Where(a => !known.Any(k => k.UnitCode == a.UnitCode && k.Part == a.Part)));

        var now = clock.GetUtcNow();
        var lastYear = Math.Max(DongNai2026.FirstYear, WorkingCalendar.VietnamToday(clock).Year);
        var policies = new Dictionary<int, ProvincePolicy>();
        for (var year = DongNai2026.FirstYear; year <= lastYear; year++)
        {
            var existing = await db.ProvincePolicies.Where(p => p.ProvinceCode == DongNai2026.Province && p.FiscalYear == year).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
            policies[year] = existing ?? db.ProvincePolicies.Add(new ProvincePolicy(DongNai2026.Province, year, 1, new DateOnly(year, 1, 1),
                DongNai2026.PolicyValues(year), "system", now)).Entity;
        }
        await db.SaveChangesAsync(ct); // the plans record the policies' ids

        var agencies = await db.Agencies.Where(a => a.UnitCode == DongNai2026.TanKhai || a.UnitCode == DongNai2026.TanHung).ToListAsync(ct);
        foreach (var (year, policy) in policies)
            foreach (var unit in new[] { DongNai2026.TanKhai, DongNai2026.TanHung })
            {
                if (await db.Plans.AnyAsync(p => p.UnitCode == unit && p.FiscalYear == year, ct)) continue;
                var content = DongNai2026.Plan(unit, year);
                var unitAgencies = agencies.Where(a => a.UnitCode == unit).ToList();
                var violations = PlanRules.Validate(content, policy.Values.Counterpart, unitAgencies, catalogues.For(year).Period);
                if (violations.Count > 0)
                    throw new InvalidOperationException($"The demo plan of {unit} for {year} no longer passes the plan rules: " + string.Join("; ", violations));
                var plan = Plan.Import(Guid.NewGuid(), content, policy.Values.Counterpart, unitAgencies, "system", now, PlanFile.Write(content));
                plan.RecordPolicyVersion(policy.Id);
                db.Plans.Add(plan);
                await ledger.SyncAsync(plan, "system", now, ct);
            }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo organisation seeded: province {Province}, communes {TanKhai} and {TanHung}, {Users} users, password {Password}",
            DongNai2026.Province, DongNai2026.TanKhai, DongNai2026.TanHung, DongNai2026.Users.Count, Password);
    }

    private async Task AddAgenciesAsync(IReadOnlyList<Agency> agencies, CancellationToken ct)
    {
        var known = await db.Agencies.Select(a => a.Code).ToListAsync(ct);
        db.Agencies.AddRange(agencies.Where(a => !known.Contains(a.Code)));
    }

    private void AddUsers(IEnumerable<DemoUser> users)
    {
        foreach (var demo in users)
        {
            var user = new User(Guid.NewGuid(), demo.UserName, demo.DisplayName, "", demo.Agency, demo.Unit, demo.Roles);
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
        }
    }

    private async Task<Plan> HonQuan2024Async(CancellationToken ct)
    {
        await using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("Workflow.Api.Seeding.hon-quan-2024-plan.json")!;
        using var reader = new StreamReader(stream);
        var json = await reader.ReadToEndAsync(ct);
        var content = PlanFile.Read(PlanFile.ParseJson(json));
        var version = await db.PolicyInForceAsync("BP", content.FiscalYear, clock.GetUtcNow(), ct)
            ?? throw new InvalidOperationException("Bình Phước's shipped policy for 2024 is missing from the reference data.");
        var violations = PlanRules.Validate(content, version.Values.Counterpart, Agencies, catalogues.For(content.FiscalYear).Period);
        if (violations.Count > 0)
            throw new InvalidOperationException("The seed plan no longer passes the plan rules: " + string.Join("; ", violations));
        var plan = Plan.Import(Guid.NewGuid(), content, content.Counterpart ?? version.Values.Counterpart, Agencies, "system", clock.GetUtcNow(), PlanFile.Write(content));
        plan.RecordPolicyVersion(version.Id);
        return plan;
    }
}
