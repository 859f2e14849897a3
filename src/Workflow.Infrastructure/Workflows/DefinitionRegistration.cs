using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows;

/// <summary>
/// At start-up: loads the folder, refuses a file whose content changed without a version bump, records new
/// versions, and puts every known version in the catalogue so running instances keep following theirs.
/// </summary>
public sealed class DefinitionRegistration(
    WorkflowDbContext db, DefinitionLoader loader, DefinitionCatalog catalog, WorkflowOptions options, TimeProvider clock,
    ILogger<DefinitionRegistration> logger)
{
    public async Task RegisterAsync(CancellationToken ct = default)
    {
        var folder = options.ResolvePath();
        var (loaded, problems) = loader.LoadFolder(folder);
        var list = problems.ToList();

        var records = await db.WorkflowDefinitions.ToListAsync(ct);
        foreach (var d in loaded)
        {
            var record = records.FirstOrDefault(r => r.DefinitionId == d.Definition.Id && r.Version == d.Definition.Version);
            if (record is null)
            {
                var newer = records.Where(r => r.DefinitionId == d.Definition.Id && r.Version > d.Definition.Version).Max(r => (int?)r.Version);
                if (newer is not null)
                    list.Add(new(d.File, "$.version", $"version {d.Definition.Version} is older than version {newer} already recorded; versions only go up"));
                else
                    db.WorkflowDefinitions.Add(new WorkflowDefinitionRecord(d.Definition, d.Content, d.ContentHash, clock.GetUtcNow()));
            }
            else if (record.ContentHash != d.ContentHash)
                list.Add(new(d.File, "$.version",
                    $"the content of {d.Definition.Id} version {d.Definition.Version} changed since it was first loaded on {record.RegisteredAt:yyyy-MM-dd}; " +
                    "instances may be running on it — bump \"version\" to publish the change"));
        }
        if (list.Count > 0) throw new WorkflowDefinitionException(list);

        var older = new List<WorkflowDefinition>();
        foreach (var record in records.Where(r => !loaded.Any(d => d.Definition.Id == r.DefinitionId && d.Definition.Version == r.Version)))
        {
            var (old, oldProblems) = loader.Read($"{record.DefinitionId} v{record.Version} (database)", record.Content);
            if (old is not null) older.Add(old.Definition);
            else logger.LogError("Recorded definition {Id} v{Version} no longer loads: {Problems}", record.DefinitionId, record.Version, string.Join("; ", oldProblems));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // another server recorded the same version first; its content hash was checked the same way
        }

        catalog.Replace(loaded.Select(d => d.Definition), older);
        logger.LogInformation("Workflow definitions loaded from {Folder}: {Definitions}", folder,
            string.Join(", ", loaded.Select(d => $"{d.Definition.Id} v{d.Definition.Version}")));
    }
}
