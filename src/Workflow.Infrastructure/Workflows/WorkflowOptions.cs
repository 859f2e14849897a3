namespace Workflow.Infrastructure.Workflows;

public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>The folder of <c>*.workflow.json</c> files and <c>holidays.json</c>; relative paths are taken from the app's base directory.</summary>
    public string Path { get; set; } = "workflows";

    /// <summary>How often each server looks for overdue tasks.</summary>
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the outbox is polled when nothing signalled new messages.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a server holds a claimed outbox message before another may take it over.</summary>
    public TimeSpan OutboxClaimDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Background services on (the default); tests switch them off and drive them by hand.</summary>
    public bool RunBackgroundServices { get; set; } = true;

    public string ResolvePath() => System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
}
