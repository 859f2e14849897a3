using MediatR;
using Workflow.Api.Common;
using Workflow.Api.Features.Catalog.ReadCatalog;
using Workflow.Domain.Catalog;

namespace Workflow.Api.Endpoints;

public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalog").WithTags("Danh mục")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/components", async (string? year, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListComponentsQuery(RequestInput.Int(year, "year")), ct)))
            .WithName("listComponents")
            .ProducesValidationProblem()
            .WithSummary("Cây chương trình của giai đoạn gồm năm year (mặc định: giai đoạn mới nhất đã nạp): các dự án, tiểu dự án và phạm vi hệ thống (2021–2025: DA1, DA5 ngoài phạm vi).");
        group.MapGet("/funding-sources", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListFundingSourcesQuery(), ct)))
            .WithName("listFundingSources")
            .WithSummary("Nguồn vốn.");
        group.MapGet("/units", async (string? level, string? parent, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListUnitsQuery(RequestInput.Enum<AdminLevel>(level, "level"), parent), ct)))
            .WithName("listUnits")
            .ProducesValidationProblem()
            .WithSummary("Đơn vị hành chính (tỉnh → huyện → xã; từ 01/7/2025 tỉnh → xã).");
        group.MapGet("/agencies", async (string? unit, string? kind, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListAgenciesQuery(unit, RequestInput.Enum<AgencyKind>(kind, "kind")), ct)))
            .WithName("listAgencies")
            .ProducesValidationProblem()
            .WithSummary("Cơ quan, đơn vị: chủ trì, tài chính, UBND, thường trực, kho bạc.");
        return app;
    }
}
