using Workflow.Domain.Monitoring;

namespace Workflow.Api.Features.Monitoring;

/// <summary>
/// The poverty standards the system counts by, read once from <c>catalogues/monitoring/poverty-standards.json</c> (data an
/// administrator maintains, like the programme catalogues); an invalid file stops start-up with its problems.
/// </summary>
public static class PovertyStandardsCatalogue
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "catalogues", "monitoring", "poverty-standards.json");

    public static PovertyStandards Load(string path)
    {
        var (file, problems) = MonitoringFiles.Read<Domain.Monitoring.PovertyStandardsFile>(File.ReadAllText(path));
        if (problems.Count > 0)
            throw new InvalidOperationException($"{path}: " + string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}")));
        return file!.ToStandards();
    }
}
