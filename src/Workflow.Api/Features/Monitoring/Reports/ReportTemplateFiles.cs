using System.Text.Json;
using System.Text.Json.Serialization;
using Workflow.Domain.Monitoring.Reports;

namespace Workflow.Api.Features.Monitoring.Reports;

/// <summary>
/// The report templates, one file per template version in <c>catalogues/monitoring/report-templates/</c>: data an
/// administrator replaces when the official forms are known. An invalid file stops start-up with its problems and paths.
/// </summary>
public static class ReportTemplateFiles
{
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "catalogues", "monitoring", "report-templates");

    public static ReportTemplates Load(string directory)
    {
        var templates = new List<ReportTemplate>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var (template, problems) = ReportTemplate.Read(File.ReadAllText(path));
            if (problems.Count > 0)
                throw new InvalidOperationException($"{path}: " + string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}")));
            templates.Add(template!);
        }
        return new(templates);
    }
}

/// <summary>How a report's content is stored and exported: the API's JSON (camelCase, enums by name).</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(ReportContent content) => JsonSerializer.Serialize(content, Options);

    public static ReportContent Read(string json) =>
        JsonSerializer.Deserialize<ReportContent>(json, Options) ?? throw new InvalidOperationException("a stored report has no content");
}
