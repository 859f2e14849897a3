using System.Text.Json;
using Workflow.Domain.Audit;
using Workflow.Infrastructure.Audit;

namespace Workflow.Api.Features.Audit.VerificationJobs;

/// <summary>A verification run as its requester follows it: status, entries checked of the total, and the report once completed.</summary>
public sealed record VerificationJobView(
    long Id, AuditRunStatus Status, bool Full, string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    long Checked, long Total, bool? Intact, int? ProblemCount, AuditReport? Report, string? Error)
{
    public static VerificationJobView Of(AuditRun run) => new(
        run.Id, run.Status, run.Full, run.RequestedBy, run.RequestedAt, run.StartedAt, run.FinishedAt, run.Checked, run.Total,
        run.Intact, run.ProblemCount, run.Report is null ? null : JsonSerializer.Deserialize<AuditReport>(run.Report, AuditJson.Options), run.Error);
}
