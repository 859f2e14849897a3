using Workflow.Domain.Monitoring;
using Workflow.Domain.Monitoring.Checks;

namespace Workflow.Domain.Tests.Monitoring;

/// <summary>The five seed documents' baselines and targets as shipped in <c>catalogues/monitoring/</c>, loaded and checked.</summary>
internal static class MonitoringSeeds
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "catalogues", "monitoring");

    public static PovertyStandards Standards()
    {
        var (file, problems) = MonitoringFiles.Read<PovertyStandardsFile>(System.IO.File.ReadAllText(Path.Combine(Folder, "poverty-standards.json")));
        ViolationAssert.AssertValid(problems);
        return file!.ToStandards();
    }

    public static MonitoringFile File(string name)
    {
        var (file, problems) = MonitoringFiles.Read<MonitoringFile>(System.IO.File.ReadAllText(Path.Combine(Folder, "seeds", name)));
        ViolationAssert.AssertValid(problems);
        return file!;
    }

    public static (IReadOnlyList<PovertyCensus> Censuses, IReadOnlyList<MonitoringTarget> Targets, IReadOnlyList<ConsistencyWarning> Warnings) Load(string name)
    {
        var (censuses, targets, problems) = MonitoringFiles.Load(File(name), Standards(), "seed", DateTimeOffset.UnixEpoch);
        ViolationAssert.AssertValid(problems);
        return (censuses, targets, MonitoringChecks.Run(censuses, targets));
    }

    public static readonly string[] Names =
        ["000-my-thanh-2024.json", "001-hon-quan-2024.json", "002-quang-minh-2024.json", "003-thinh-duc-2022.json", "004-tra-cu-2023.json"];
}
