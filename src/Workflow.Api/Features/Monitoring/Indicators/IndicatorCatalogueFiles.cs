using Workflow.Domain.Common;
using Workflow.Domain.Monitoring.Indicators;

namespace Workflow.Api.Features.Monitoring.Indicators;

/// <summary>
/// The indicator catalogues, one file per programme period in <c>catalogues/monitoring/indicators/</c> (data, like the
/// poverty standards); an invalid file stops start-up with its problems and their JSON paths.
/// </summary>
public static class IndicatorCatalogueFiles
{
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "catalogues", "monitoring", "indicators");

    public static IndicatorCatalogues Load(string directory, Func<int, string>? programmePeriodOf = null)
    {
        var catalogues = new List<IndicatorCatalogue>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var (catalogue, problems) = IndicatorCatalogue.Read(File.ReadAllText(path));
            if (problems.Count > 0)
                throw new InvalidOperationException($"{path}: " + string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}")));
            catalogues.Add(catalogue!);
        }
        return new(catalogues, programmePeriodOf);
    }
}

/// <summary>An output as a client sends it: <c>{ "indicator": "DA4.1.trained", "quantity": 30 }</c>.</summary>
public sealed record OutputInput(string? Indicator, long? Quantity);

/// <summary>A sub-project's outputs checked against the catalogue of its fiscal year's programme period.</summary>
public static class OutputsInput
{
    /// <returns>The outputs, or null when <paramref name="outputs"/> is null (the caller decides what null keeps).</returns>
    public static IReadOnlyList<OutputQuantity>? Check(IndicatorCatalogues catalogues, IReadOnlyList<OutputInput?>? outputs, int fiscalYear, string component, string path)
    {
        if (outputs is null) return null;
        var problems = new List<Violation>();
        var catalogue = catalogues.ForYear(fiscalYear);
        if (catalogue is null && outputs.Count > 0)
            throw new ValidationFailedException(path, $"Chưa có danh mục chỉ số cho năm {fiscalYear}: chưa ghi được đầu ra theo chỉ số.");
        const int maxOutputs = 50;
        if (outputs.Count > maxOutputs) throw new ValidationFailedException(path, $"Tối đa {maxOutputs} chỉ số đầu ra; đã gửi {outputs.Count}.");
        for (var i = 0; i < outputs.Count; i++)
            if (outputs[i] is { Quantity: null, Indicator: not null })
                problems.Add(new($"{path}[{i}].quantity", "Nhập số lượng (số nguyên từ 0)."));
        var quantities = outputs.Select(o => o is null ? null : new OutputQuantity(o.Indicator?.Trim() ?? "", o.Quantity ?? 0)).ToList();
        if (catalogue is not null) problems.AddRange(catalogue.CheckOutputs(quantities, component, path));
        if (problems.Count > 0) throw new ValidationFailedException(problems.DistinctBy(p => p.Path).ToList());
        return quantities.Select(q => q!).ToList();
    }
}

/// <summary>An output with its indicator's name and unit, as the proposal and settlement pages show it.</summary>
public sealed record OutputView(string Indicator, string Name, string Unit, long Quantity)
{
    public static IReadOnlyList<OutputView> Of(IndicatorCatalogues catalogues, int fiscalYear, IReadOnlyList<OutputQuantity> outputs)
    {
        var catalogue = catalogues.ForYear(fiscalYear);
        return [.. outputs.Select(o => catalogue?.Find(o.Indicator) is { } i ? new OutputView(o.Indicator, i.Name, i.Unit, o.Quantity) : new OutputView(o.Indicator, o.Indicator, "", o.Quantity))];
    }
}

/// <summary>Planned beside accepted for one indicator; null where one side did not list it.</summary>
public sealed record OutputComparison(string Indicator, string Name, string Unit, long? Planned, long? Actual);
