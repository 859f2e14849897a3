using Microsoft.AspNetCore.Identity;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Identity;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Identity;
using Workflow.Infrastructure.Seeding;

namespace Workflow.Bench.Generation;

/// <summary>One generated account: who acts in the journal and who signs in to the measured server.</summary>
public sealed record BenchUser(Guid Id, string UserName, string Role, string AgencyCode, string UnitCode)
{
    public Actor Actor { get; } = new(Id, UserName, [Role], AgencyCode, UnitCode);
}

/// <summary>A province under the national root, with the treasury office that pays for its communes and its own officers.</summary>
public sealed record ProvinceOrg(string Code, string Name, string TreasuryAgency, BenchUser Treasury, BenchUser Finance, BenchUser Monitor, BenchUser Admin);

/// <summary>
/// A commune of the two-level structure: two lead agencies (the agricultural service centre and the culture-society
/// office), the economic office that appraises (two officers, so a disbursement's approver is not its appraiser), the
/// People's Committee that approves, and the province's regional treasury that pays.
/// </summary>
public sealed record CommuneOrg(
    string Code, string Name, ProvinceOrg Province,
    string AgricultureAgency, string AgricultureName, string CultureAgency, string CultureName, string FinanceAgency, string CommitteeAgency,
    BenchUser Agriculture, BenchUser Culture, BenchUser Finance1, BenchUser Finance2, BenchUser Chair)
{
    public UnitParts Parts => new(new AssignedAgency(FinanceAgency, Code), new AssignedAgency(CommitteeAgency, Code), new AssignedAgency(Province.TreasuryAgency, Province.Code));
}

/// <summary>
/// The generated organisation: provinces <c>T01</c>… with <see cref="NationShape.CommunesPerProvince"/> communes each,
/// the measured province <c>DO</c> with its one commune <c>DO.X01</c> (the same at every scale), the province <c>NK</c>
/// whose 100 communes have no plan yet (P4 imports them), and a national administrator.
/// </summary>
public sealed class Organisation
{
    public const string Password = "Bench@2026-do-tai";
    public const string MeasuredProvince = "DO";
    public const string ImportProvince = "NK";
    public const string NationalAdmin = "bench.quantri";

    /// <summary>The day the communes' offices took over (two-level government from 1/7/2025).</summary>
    public static readonly DateOnly AssignedFrom = new(2025, 7, 1);

    public List<AdminUnit> Units { get; } = [];
    public List<Agency> Agencies { get; } = [];
    public List<User> Users { get; } = [];
    public List<UnitAssignment> Assignments { get; } = [];
    public List<ProvinceOrg> Provinces { get; } = [];

    /// <summary>Communes with plans; the measured commune first.</summary>
    public List<CommuneOrg> PlannedCommunes { get; } = [];

    /// <summary>The P4 province's communes: units, agencies and officers, no plan.</summary>
    public List<CommuneOrg> ImportCommunes { get; } = [];

    public BenchUser Admin { get; }

    private readonly string _passwordHash;

    public Organisation(NationShape shape)
    {
        // one hash for every account: hashing 100,000 iterations per user would dominate a small scale's generation
        _passwordHash = new PasswordHasher<User>().HashPassword(null!, Password);
        Admin = AddUser(NationalAdmin, "Quản trị hệ thống (đo tải)", Roles.Admin, ReferenceData.NationalAdministrationCode, AdminUnit.NationalCode);

        var measured = AddProvince(MeasuredProvince, "Tỉnh Đo lường");
        PlannedCommunes.Add(AddCommune(measured, $"{MeasuredProvince}.X01", "Xã Đo lường"));
        for (var p = 1; p <= shape.Provinces; p++)
        {
            var province = AddProvince($"T{p:00}", $"Tỉnh Thử tải {p:00}");
            var first = (p - 1) * NationShape.CommunesPerProvince;
            for (var c = 1; c <= NationShape.CommunesPerProvince && first + c <= shape.Communes; c++)
                PlannedCommunes.Add(AddCommune(province, $"{province.Code}.X{c:00}", $"Xã Thử tải {p:00}-{c:00}"));
        }
        var import = AddProvince(ImportProvince, "Tỉnh Nhập kế hoạch");
        for (var c = 1; c <= NationShape.ImportCommunes; c++)
            ImportCommunes.Add(AddCommune(import, $"{ImportProvince}.X{c:000}", $"Xã Nhập kế hoạch {c:000}"));
    }

    private ProvinceOrg AddProvince(string code, string name)
    {
        Units.Add(new AdminUnit(code, name, AdminLevel.Province, AdminUnit.NationalCode));
        var lower = Lower(name);
        Agencies.Add(new Agency($"{code}.KBKV", $"Phòng Giao dịch Kho bạc Nhà nước khu vực {lower}", AgencyKind.Treasury, code));
        Agencies.Add(new Agency($"{code}.STC", $"Sở Tài chính {lower}", AgencyKind.FinanceOffice, code));
        Agencies.Add(new Agency($"{code}.SNNMT", $"Sở Nông nghiệp và Môi trường {lower}", AgencyKind.StandingOffice, code));
        Agencies.Add(new Agency($"{code}.QTHT", $"Bộ phận quản trị hệ thống {lower}", AgencyKind.Administration, code));
        var user = code.ToLowerInvariant();
        var province = new ProvinceOrg(code, name, $"{code}.KBKV",
            AddUser($"{user}.khobac", $"Cán bộ Kho bạc khu vực ({name})", Roles.Treasury, $"{code}.KBKV", code),
            AddUser($"{user}.taichinh", $"Cán bộ Sở Tài chính ({name})", Roles.FinanceOffice, $"{code}.STC", code),
            AddUser($"{user}.giamsat", $"Cán bộ Sở Nông nghiệp và Môi trường ({name})", Roles.Monitor, $"{code}.SNNMT", code),
            AddUser($"{user}.quantri", $"Quản trị hệ thống ({name})", Roles.Admin, $"{code}.QTHT", code));
        Provinces.Add(province);
        return province;
    }

    private CommuneOrg AddCommune(ProvinceOrg province, string code, string name)
    {
        Units.Add(new AdminUnit(code, name, AdminLevel.Commune, province.Code, validFrom: AssignedFrom));
        var lower = Lower(name);
        var agriculture = $"Trung tâm Dịch vụ nông nghiệp {lower}";
        var culture = $"Phòng Văn hóa - Xã hội {lower}";
        Agencies.Add(new Agency($"{code}.DVNN", agriculture, AgencyKind.LeadAgency, code));
        Agencies.Add(new Agency($"{code}.VHXH", culture, AgencyKind.LeadAgency, code));
        Agencies.Add(new Agency($"{code}.KT", $"Phòng Kinh tế {lower}", AgencyKind.FinanceOffice, code));
        Agencies.Add(new Agency($"{code}.UBND", $"UBND {lower}", AgencyKind.PeoplesCommittee, code));
        Assignments.Add(new UnitAssignment(code, UnitPart.Appraiser, $"{code}.KT", AssignedFrom));
        Assignments.Add(new UnitAssignment(code, UnitPart.Approver, $"{code}.UBND", AssignedFrom));
        Assignments.Add(new UnitAssignment(code, UnitPart.Treasury, province.TreasuryAgency, AssignedFrom));
        var user = code.ToLowerInvariant();
        return new CommuneOrg(code, name, province, $"{code}.DVNN", agriculture, $"{code}.VHXH", culture, $"{code}.KT", $"{code}.UBND",
            AddUser($"{user}.nongnghiep", $"Cán bộ Trung tâm Dịch vụ nông nghiệp ({name})", Roles.LeadAgency, $"{code}.DVNN", code),
            AddUser($"{user}.vanhoa", $"Cán bộ Phòng Văn hóa - Xã hội ({name})", Roles.LeadAgency, $"{code}.VHXH", code),
            AddUser($"{user}.kinhte", $"Cán bộ Phòng Kinh tế ({name})", Roles.FinanceOffice, $"{code}.KT", code),
            AddUser($"{user}.kinhte2", $"Cán bộ Phòng Kinh tế ({name}) (2)", Roles.FinanceOffice, $"{code}.KT", code),
            AddUser($"{user}.chutich", $"Chủ tịch UBND {lower}", Roles.Approver, $"{code}.UBND", code));
    }

    private BenchUser AddUser(string userName, string displayName, string role, string agency, string unit)
    {
        var user = new User(Guid.NewGuid(), userName, displayName, "", agency, unit, [role]) { PasswordHash = _passwordHash };
        Users.Add(user);
        return new BenchUser(user.Id, user.UserName!, role, agency, unit);
    }

    /// <summary>"Xã Đo lường" as it reads inside a sentence: "xã Đo lường".</summary>
    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
