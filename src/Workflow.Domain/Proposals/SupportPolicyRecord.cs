namespace Workflow.Domain.Proposals;

/// <summary>A province's support caps and beneficiary share from a fiscal year on; data an administrator can add to.</summary>
public sealed class SupportPolicyRecord
{
    private SupportPolicyRecord() { }

    public SupportPolicyRecord(string provinceCode, int fromFiscalYear, SupportPolicy policy, string basis)
    {
        ProvinceCode = provinceCode;
        FromFiscalYear = fromFiscalYear;
        Policy = policy;
        Basis = basis;
    }

    public int Id { get; private set; }
    public string ProvinceCode { get; private set; } = "";
    public int FromFiscalYear { get; private set; }
    public SupportPolicy Policy { get; private set; } = SupportPolicy.National;
    public string Basis { get; private set; } = "";
}
