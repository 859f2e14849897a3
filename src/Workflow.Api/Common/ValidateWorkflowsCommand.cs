using Workflow.Infrastructure;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Common;

/// <summary><c>validate-workflows [folder]</c>: checks every definition without starting the server, for CI and for whoever edits one.</summary>
public static class ValidateWorkflowsCommand
{
    public static int Run(string? folder, IConfiguration configuration)
    {
        var services = new ServiceCollection().AddLogging().AddWorkflowInfrastructure(configuration);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var path = Path.GetFullPath(folder ?? (Directory.Exists("workflows") ? "workflows" : provider.GetRequiredService<WorkflowOptions>().ResolvePath()));
        var (definitions, problems) = scope.ServiceProvider.GetRequiredService<DefinitionLoader>().LoadFolder(path);

        foreach (var d in definitions)
            Console.WriteLine($"ok   {d.File}: {d.Definition.Id} v{d.Definition.Version}, {d.Definition.States.Count} states, {d.Definition.Transitions.Count} transitions");
        foreach (var p in problems)
            Console.Error.WriteLine($"fail {p}");
        Console.WriteLine(problems.Count == 0
            ? $"{definitions.Count} workflow definitions in {path} are valid."
            : $"{problems.Count} problem(s) in {path}.");
        return problems.Count == 0 ? 0 : 1;
    }
}
