using System.Text.Json;
using Workflow.Domain.Plans;

namespace Workflow.Bench.Generation;

/// <summary>
/// What a generated database holds that the measurements need to know — the measured plan, who signs in for what,
/// the lines clients may drive proposals on, the communes P4 imports plans for — kept beside the database as JSON.
/// </summary>
public sealed record Manifest(
    int Scale, int FiscalYear, Counts Counts, double GenerationSeconds, string Password,
    Guid MeasuredPlanId, string MeasuredFinance, string MeasuredLeadAgency, string NationalAdmin,
    IReadOnlyList<ManifestCommune> Communes, ManifestProvince Import)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static Manifest Of(NationShape shape, Organisation organisation, List<(Plan Plan, CommuneOrg Commune)> plans, Counts counts, int year, TimeSpan took)
    {
        var measured = plans[0];
        var communes = plans.Select(p => new ManifestCommune(p.Commune.Code, p.Plan.Id,
            p.Plan.Lines.Select(l => new ManifestLine(l.Id, l.ComponentCode, l.LeadAgencyCode == p.Commune.AgricultureAgency ? p.Commune.Agriculture.UserName : p.Commune.Culture.UserName)).ToList(),
            p.Commune.Finance1.UserName, p.Commune.Finance2.UserName, p.Commune.Chair.UserName, p.Commune.Province.Treasury.UserName)).ToList();
        var import = organisation.ImportCommunes[0].Province;
        return new Manifest(shape.Scale, year, counts, took.TotalSeconds, Organisation.Password,
            measured.Plan.Id, measured.Commune.Finance1.UserName, measured.Commune.Agriculture.UserName, organisation.Admin.UserName,
            communes,
            new ManifestProvince(import.Code, import.Name, import.Finance.UserName,
                organisation.ImportCommunes.Select(c => new ManifestImportCommune(c.Code, c.Name, c.AgricultureName, c.CultureName)).ToList()));
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static Manifest Load(string path) => JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), Json)!;
}

/// <summary>A commune with a plan: its lines (and the lead-agency officer who drafts on each) and its other officers.</summary>
public sealed record ManifestCommune(string Code, Guid PlanId, IReadOnlyList<ManifestLine> Lines, string Finance1, string Finance2, string Chair, string Treasury);

public sealed record ManifestLine(Guid Id, string Component, string Clerk);

/// <summary>The P4 province: its finance officer imports a plan file for each of its communes.</summary>
public sealed record ManifestProvince(string Code, string Name, string Finance, IReadOnlyList<ManifestImportCommune> Communes);

public sealed record ManifestImportCommune(string Code, string Name, string AgricultureName, string CultureName);
