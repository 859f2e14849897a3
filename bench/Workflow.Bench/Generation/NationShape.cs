namespace Workflow.Bench.Generation;

/// <summary>
/// How big the generated nation is at a scale. 100× is the national reference — 1,401 plans, 9,807 lines,
/// about 200,000 proposals and 1,020,000 disbursements in one fiscal year — and 1× is a hundredth of it. Every plan has
/// the same shape (<see cref="ProposalsPerPlan"/> proposals in a fixed mix of states), so the measured plan, which is
/// generated from the same seed at every scale, is the same size whatever the size of the nation around it.
/// </summary>
public sealed record NationShape(int Scale)
{
    public const int CommunesPerScale = 14;
    public const int CommunesPerProvince = 42;
    public const int LinesPerPlan = 7;
    public const int ProposalsPerPlan = 143;

    /// <summary>Communes of the P4 province: units and agencies without a plan, for the import of a province's year.</summary>
    public const int ImportCommunes = 100;

    /// <summary>Communes with a plan, besides the measured one.</summary>
    public int Communes => CommunesPerScale * Scale;

    public int Provinces => (Communes + CommunesPerProvince - 1) / CommunesPerProvince;

    /// <summary>Every commune's plan and the measured plan (in a province of its own).</summary>
    public int Plans => Communes + 1;

    public override string ToString() => $"{Scale}×: {Provinces + 2} provinces, {Plans:N0} plans of {LinesPerPlan} lines, {Plans * ProposalsPerPlan:N0} proposals";
}
