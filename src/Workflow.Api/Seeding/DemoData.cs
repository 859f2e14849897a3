using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Plans;
using Workflow.Domain.Catalog;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Identity;
using Workflow.Domain.Plans;
using Workflow.Infrastructure.Ledger;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Seeding;

namespace Workflow.Api.Seeding;

/// <summary>
/// The Hớn Quản 2024 organisation from the seed plan (Kế hoạch thực hiện CTMTQG GNBV năm 2024, UBND huyện Hớn Quản):
/// its agencies, its plan and one user per role, and a national administrator (unit <c>VN</c>). Only in Development or with --seed-demo.
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

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Agency, string[] Roles)> Users =
    [
        ("nongnghiep", "Cán bộ Trung tâm Dịch vụ nông nghiệp", "BP.HQ.NN", [Roles.LeadAgency]),
        ("yte", "Cán bộ Trung tâm Y tế", "BP.HQ.YT", [Roles.LeadAgency]),
        ("gdnn", "Cán bộ Trung tâm GDNN-GDTX", "BP.HQ.GDNN", [Roles.LeadAgency]),
        ("laodong", "Cán bộ Phòng LĐTBXH", "BP.HQ.LDTBXH", [Roles.LeadAgency, Roles.Monitor]),
        ("vanhoa", "Cán bộ Phòng Văn hóa - Thông tin", "BP.HQ.VHTT", [Roles.LeadAgency]),
        ("taichinh", "Cán bộ Phòng Tài chính - Kế hoạch", "BP.HQ.TCKH", [Roles.FinanceOffice]),
        ("taichinh2", "Cán bộ Phòng Tài chính - Kế hoạch (2)", "BP.HQ.TCKH", [Roles.FinanceOffice]),
        ("chutich", "Chủ tịch UBND huyện", "BP.HQ.UBND", [Roles.Approver]),
        ("khobac", "Cán bộ Kho bạc Nhà nước", "BP.HQ.KBNN", [Roles.Treasury]),
        // a national administrator: belongs to the root unit and its administering agency (reference data)
        ("admin", "Quản trị hệ thống", ReferenceData.NationalAdministrationCode, [Roles.Admin]),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct)) return;

        var knownAgencies = await db.Agencies.Select(a => a.Code).ToListAsync(ct);
        db.Agencies.AddRange(Agencies.Where(a => !knownAgencies.Contains(a.Code)));

        foreach (var (userName, displayName, agency, roles) in Users)
        {
            var unit = agency == ReferenceData.NationalAdministrationCode ? AdminUnit.NationalCode : UnitCode;
            var user = new User(Guid.NewGuid(), userName, displayName, "", agency, unit, roles);
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
        }

        if (!await db.Plans.AnyAsync(p => p.UnitCode == UnitCode && p.FiscalYear == 2024, ct))
        {
            var plan = await HonQuan2024Async(ct);
            db.Plans.Add(plan);
            await ledger.SyncAsync(plan, "system", clock.GetUtcNow(), ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Demo organisation seeded: unit {Unit}, {Users} users, password {Password}", UnitCode, Users.Count, Password);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear(); // another server seeded it first
        }
    }

    private async Task<Plan> HonQuan2024Async(CancellationToken ct)
    {
        await using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("Workflow.Api.Seeding.hon-quan-2024-plan.json")!;
        using var reader = new StreamReader(stream);
        var json = await reader.ReadToEndAsync(ct);
        var content = PlanFile.Read(PlanFile.ParseJson(json));
        var policy = (await db.CounterpartPolicies.Where(p => p.ProvinceCode == "BP").ToListAsync(ct)).First().Terms;
        var violations = PlanRules.Validate(content, policy, Agencies, catalogues.For(content.FiscalYear).Period);
        if (violations.Count > 0)
            throw new InvalidOperationException("The seed plan no longer passes the plan rules: " + string.Join("; ", violations));
        return Plan.Import(Guid.NewGuid(), content, content.Counterpart ?? policy, Agencies, "system", clock.GetUtcNow(), PlanFile.Write(content));
    }
}
