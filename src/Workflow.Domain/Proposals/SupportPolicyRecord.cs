using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Domain.Proposals;

/// <summary>A province's support caps and beneficiary share from a fiscal year on; data an administrator can add to.</summary>
public sealed class SupportPolicyRecord
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private SupportPolicyRecord() { }

    public SupportPolicyRecord(string provinceCode, int fromFiscalYear, SupportPolicy policy, string basis)
    {
        ProvinceCode = provinceCode;
        FromFiscalYear = fromFiscalYear;
        PolicyJson = JsonSerializer.Serialize(policy, Json);
        Basis = basis;
    }

    public int Id { get; private set; }
    public string ProvinceCode { get; private set; } = "";
    public int FromFiscalYear { get; private set; }
    public string PolicyJson { get; private set; } = "";
    public string Basis { get; private set; } = "";

    public SupportPolicy Policy => JsonSerializer.Deserialize<SupportPolicy>(PolicyJson, Json)!;
}
