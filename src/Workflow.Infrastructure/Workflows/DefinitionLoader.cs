using System.Text.Json;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;

namespace Workflow.Infrastructure.Workflows;

/// <summary>A definition with the text it was read from and the hash that pins its version's content.</summary>
public sealed record LoadedDefinition(WorkflowDefinition Definition, string File, string Content, string ContentHash);

/// <summary>Reads every <c>*.workflow.json</c> in a folder and checks each, and the set as a whole (one file per id and version).</summary>
public sealed class DefinitionLoader(IEnumerable<IWorkflowGuard> guards, IEnumerable<IWorkflowEffect> effects)
{
    public const string Pattern = "*.workflow.json";

    private DefinitionReader Reader() => new(
        guards.ToDictionary(g => g.Name, g => (Func<JsonElement, IEnumerable<Violation>>)g.ValidateArgs),
        effects.ToDictionary(e => e.Name, e => (Func<JsonElement, IEnumerable<Violation>>)e.ValidateArgs));

    public (IReadOnlyList<LoadedDefinition> Definitions, IReadOnlyList<DefinitionProblem> Problems) LoadFolder(string folder)
    {
        var problems = new List<DefinitionProblem>();
        var loaded = new List<LoadedDefinition>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new(folder, "$", "the workflows folder does not exist"));
            return (loaded, problems);
        }

        var files = Directory.GetFiles(folder, Pattern).OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0) problems.Add(new(folder, "$", $"no {Pattern} files"));

        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var (definition, fileProblems) = Read(name, File.ReadAllText(file));
            problems.AddRange(fileProblems);
            if (definition is null) continue;
            if (name != $"{definition.Definition.Id}.workflow.json")
                problems.Add(new(name, "$.id", $"id '{definition.Definition.Id}' does not match the file name; expected {definition.Definition.Id}.workflow.json"));
            else
                loaded.Add(definition);
        }
        return (loaded, problems);
    }

    public (LoadedDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems) Read(string file, string content)
    {
        var (definition, read) = Reader().Read(file, content);
        if (definition is null) return (null, read);
        var problems = read.Concat(LifecycleProcesses.Check(definition).Select(p => new DefinitionProblem(file, p.Path, p.Message))).ToList();
        if (problems.Count > read.Count) return (null, problems);
        var canonical = CanonicalJson.Serialize(JsonDocument.Parse(content, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement);
        return (new LoadedDefinition(definition, file, content, CanonicalJson.Sha256(canonical)), problems);
    }
}
