using Workflow.Domain.Common;
using Workflow.Domain.Monitoring.Indicators;

namespace Workflow.Api.Features.Monitoring.Indicators;

/// <summary><c>GET /api/monitoring/indicators?period=2021-2025</c> or <c>?year=2024</c>: the catalogue of a programme period.</summary>
public sealed record IndicatorCatalogueView(
    string Period, int FromYear, int ToYear, string Name, string? Basis, bool Complete, string? Note, IReadOnlyList<Indicator> Indicators)
{
    public static IndicatorCatalogueView Of(IndicatorCatalogue c) => new(c.Period, c.FromYear, c.ToYear, c.Name, c.Basis, c.Complete, c.Note, c.Indicators);

    public static IndicatorCatalogueView Find(IndicatorCatalogues catalogues, string? period, int? year)
    {
        if (period is not null && year is not null) throw new ValidationFailedException("period", "Chọn giai đoạn (period) hoặc năm (year), không cả hai.");
        if (period is not null)
            return Of(catalogues.ForPeriod(period.Trim()) ?? throw new NotFoundException(
                $"Không có danh mục chỉ số giai đoạn '{period}'; có: {string.Join(", ", catalogues.All.Select(c => c.Period))}."));
        if (year is not null)
            return Of(catalogues.ForYear(year.Value) ?? throw new NotFoundException($"Không có danh mục chỉ số cho năm {year}."));
        throw new ValidationFailedException("period", $"Chọn giai đoạn (period: {string.Join(", ", catalogues.All.Select(c => c.Period))}) hoặc năm (year).");
    }
}
