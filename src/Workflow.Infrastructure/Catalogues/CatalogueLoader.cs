using System.Text.Json;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;

namespace Workflow.Infrastructure.Catalogues;

/// <summary>A problem in a catalogue file: which file, where in it (JSON path) and what.</summary>
public sealed record CatalogueProblem(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}

/// <summary>A period with the text it was read from and the hash that pins its version's content.</summary>
public sealed record LoadedCatalogue(ProgrammePeriod Period, string File, string Content, string ContentHash);

/// <summary>Reads every <c>*.catalogue.json</c> in a folder, checks each (<see cref="CatalogueReader"/>) and the set (file names, overlapping years).</summary>
public static class CatalogueLoader
{
    public const string Pattern = "*.catalogue.json";

    public static (IReadOnlyList<LoadedCatalogue> Catalogues, IReadOnlyList<CatalogueProblem> Problems) LoadFolder(string folder)
    {
        var problems = new List<CatalogueProblem>();
        var loaded = new List<LoadedCatalogue>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new(folder, "$", "thư mục danh mục chương trình không tồn tại (Catalogues:Path)"));
            return (loaded, problems);
        }
        var files = Directory.GetFiles(folder, Pattern).OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0) problems.Add(new(folder, "$", $"không có tệp {Pattern}: cần ít nhất danh mục giai đoạn 2021-2025"));

        foreach (var file in files)
        {
            var name = System.IO.Path.GetFileName(file);
            var (catalogue, fileProblems) = Read(name, File.ReadAllText(file));
            problems.AddRange(fileProblems);
            if (catalogue is null) continue;
            if (name != $"{catalogue.Period.Id}.catalogue.json")
                problems.Add(new(name, "period", $"giai đoạn '{catalogue.Period.Id}' không khớp tên tệp; tên đúng là {catalogue.Period.Id}.catalogue.json"));
            else
            {
                problems.AddRange(ProgrammeCatalogue.CheckOverlap(catalogue.Period, loaded.Select(l => l.Period)).Select(v => new CatalogueProblem(name, v.Path, v.Message)));
                loaded.Add(catalogue);
            }
        }
        return (loaded, problems);
    }

    public static (LoadedCatalogue? Catalogue, IReadOnlyList<CatalogueProblem> Problems) Read(string file, string content)
    {
        var (period, violations) = CatalogueReader.Read(content);
        var problems = violations.Select(v => new CatalogueProblem(file, v.Path, v.Message)).ToList();
        if (period is null) return (null, problems);
        return (new LoadedCatalogue(period, file, content, Hash(content)), problems);
    }

    /// <summary>The hash of the canonical JSON: spacing and key order do not change a version's content.</summary>
    public static string Hash(string content) =>
        CanonicalJson.Sha256(CanonicalJson.Serialize(JsonDocument.Parse(content, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement));
}

/// <summary>The catalogues cannot be used: start-up stops and every problem is printed with its file and JSON path.</summary>
public sealed class CatalogueException(IReadOnlyList<CatalogueProblem> problems)
    : Exception("Programme catalogues are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<CatalogueProblem> Problems { get; } = problems;
}
