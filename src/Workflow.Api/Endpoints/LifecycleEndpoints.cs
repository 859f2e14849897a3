using MediatR;
using Workflow.Api.Common;
using Workflow.Api.Features.Disbursements.GetDisbursement;
using Workflow.Api.Features.Disbursements.ListDisbursements;
using Workflow.Api.Features.Disbursements.RequestDisbursement;
using Workflow.Api.Features.Plans.CarryOver;
using Workflow.Api.Features.Plans.LapseLine;
using Workflow.Api.Features.Proposals;
using Workflow.Api.Features.Proposals.CreateProposal;
using Workflow.Api.Features.Proposals.EditProposal;
using Workflow.Api.Features.Proposals.GetProposal;
using Workflow.Api.Features.Proposals.ListProposals;
using Workflow.Api.Features.Proposals.PreviewProposal;
using Workflow.Api.Features.Proposals.ProposalAction;
using Workflow.Api.Features.Search;
using Workflow.Api.Features.Search.SearchDossiers;
using Workflow.Api.Features.Settlements;
using Workflow.Api.Features.Settlements.EditSettlement;
using Workflow.Api.Features.Settlements.GetSettlement;
using Workflow.Api.Features.Settlements.ListSettlements;
using Workflow.Api.Features.Settlements.OpenSettlement;
using Workflow.Api.Features.Workflows.FireAction;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Endpoints;

/// <summary>Proposals, disbursements, settlements and carryovers: the money's way from plan line to settlement.</summary>
public static class LifecycleEndpoints
{
    public static IEndpointRouteBuilder MapLifecycleEndpoints(this IEndpointRouteBuilder app)
    {
        var proposals = app.MapGroup("/api/proposals").WithTags("Đề xuất")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        proposals.MapGet("", async (string? planId, string? component, string? agency, string? state, string? settlementStatus, string? page, string? pageSize,
                string? after, string? q, string? year, IMediator m, CancellationToken ct) =>
            {
                var (p, size) = Paging(page, pageSize);
                return TypedResults.Ok(await m.Send(new ListProposalsQuery(RequestInput.Guid(planId, "planId"), component, agency, state,
                    RequestInput.Enum<SettlementStatus>(settlementStatus, "settlementStatus"), p, size, ProposalCursor.Parse(after, "after"),
                    DossierSearch.Parse(q), RequestInput.Int(year, "year")), ct));
            })
            .WithName("listProposals")
            .ProducesValidationProblem()
            .WithSummary("Đề xuất người gọi được xem, lọc theo kế hoạch, dự án, cơ quan chủ trì, năm, trạng thái, tình trạng quyết toán, mã hoặc từ khóa (q); mới thay đổi trước. " +
                "Trang sau: gửi 'after' bằng 'next' của trang này (nhanh ở mọi độ sâu), hoặc 'page'.");
        proposals.MapPost("", async (ProposalInput input, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new CreateProposalCommand(input), ct);
                return TypedResults.Created($"/api/proposals/{created.Id}", created);
            })
            .WithName("createProposal")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Lập đề xuất (cơ quan chủ trì của dòng kế hoạch). Kinh phí ngân sách chia theo tỷ lệ của dòng, trừ khi nhập 'split'.");
        app.MapGet("/api/plan-lines/{planLineId}/proposal-preview", async (string planLineId, string? kind, string? areaType, string? totalCost,
                string? stateSupport, string? exceptProposalId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ProposalPreviewQuery(planLineId, kind, areaType, totalCost, stateSupport, exceptProposalId), ct)))
            .WithTags("Đề xuất")
            .WithName("previewProposal")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Xem trước khi lập đề xuất: phần chia ngân sách hỗ trợ theo tỷ lệ của dòng (quy tắc 8), số còn lại và phần vượt theo nguồn (quy tắc 9), mức hỗ trợ tối đa (quy tắc 10). Số tiền tính bằng đồng.");
        proposals.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetProposalQuery(id), ct)))
            .WithName("getProposal")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Đề xuất: nội dung, kinh phí theo nguồn, vị trí trên sổ (cam kết, giải ngân, tạm ứng, quyết toán), thao tác được phép, lịch sử.");
        proposals.MapPut("/{id:guid}", async (Guid id, ProposalInput input, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new EditProposalCommand(id, input), ct)))
            .WithName("editProposal")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Sửa đề xuất ở trạng thái Dự thảo.");
        proposals.MapPost("/{id:guid}/actions/{action}", async (Guid id, string action, ActionRequest? body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SubjectActionCommand(ProposalProcess.SubjectType, id, action, body?.Comment, body?.Data), ct)))
            .WithName("fireProposalAction")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("submit, start-appraisal, appraise-pass, appraise-fail, return, approve ({data: {decisionNumber, decisionDate}}), reject, withdraw.");
        proposals.MapPost("/{id:guid}/disbursements", async (Guid id, DisbursementInput input, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new RequestDisbursementCommand(id, input), ct);
                return TypedResults.Created($"/api/disbursements/{created.Id}", created);
            })
            .WithTags("Giải ngân")
            .WithName("requestDisbursement")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Lập đề nghị tạm ứng (Advance) hoặc thanh toán (Payment) cho đề xuất đã phê duyệt.");
        proposals.MapPost("/{id:guid}/settlement", async (Guid id, SettlementInput input, IMediator m, CancellationToken ct) =>
            {
                var opened = await m.Send(new OpenSettlementCommand(id, input), ct);
                return TypedResults.Created($"/api/settlements/{opened.Id}", opened);
            })
            .WithTags("Quyết toán")
            .WithName("openSettlement")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Lập hồ sơ nghiệm thu, quyết toán: kết quả, đối tượng đạt được, chi phí thực tế theo nguồn.");

        app.MapGet("/api/search", async (string? q, string? year, string? agency, string? limit, IMediator m, CancellationToken ct) =>
            {
                var search = DossierSearch.Parse(q) ?? throw new ValidationFailedException("q", "Nhập mã hồ sơ (ví dụ ĐX-2026-0001) hoặc từ khóa trong tên (q).");
                var count = RequestInput.Int(limit, "limit") ?? 10;
                if (count is < 1 or > SearchDossiersHandler.MaxLimit)
                    throw new ValidationFailedException("limit", $"Mỗi loại hồ sơ trả về từ 1 đến {SearchDossiersHandler.MaxLimit} kết quả.");
                return TypedResults.Ok(await m.Send(new SearchDossiersQuery(search, RequestInput.Int(year, "year"), agency, count), ct));
            })
            .WithTags("Tìm kiếm")
            .WithName("searchDossiers")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Tìm đề xuất, giải ngân, quyết toán theo mã (ĐX-2026-0001, GN-…, QT-…) hoặc từ khóa trong tên (không cần dấu), lọc theo năm và cơ quan chủ trì; " +
                "mỗi loại trả tổng số và các hồ sơ mới thay đổi nhất.");

        var disbursements = app.MapGroup("/api/disbursements").WithTags("Giải ngân")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        disbursements.MapGet("", async (string? planId, string? proposalId, string? agency, string? year, string? kind, string? state, string? page, string? pageSize,
                string? q, IMediator m, CancellationToken ct) =>
            {
                var (p, size) = Paging(page, pageSize);
                return TypedResults.Ok(await m.Send(new ListDisbursementsQuery(RequestInput.Guid(planId, "planId"), RequestInput.Guid(proposalId, "proposalId"), agency,
                    RequestInput.Int(year, "year"), RequestInput.Enum<DisbursementKind>(kind, "kind"), state, p, size, DossierSearch.Parse(q)), ct));
            })
            .WithName("listDisbursements")
            .ProducesValidationProblem()
            .WithSummary("Đề nghị tạm ứng, thanh toán người gọi được xem, lọc theo kế hoạch, đề xuất, cơ quan chủ trì, năm, loại (Advance, Payment), trạng thái, mã hoặc từ khóa (q); mới thay đổi trước.");
        disbursements.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetDisbursementQuery(id), ct)))
            .WithName("getDisbursement")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Đợt giải ngân: loại, số tiền theo nguồn, chứng từ kho bạc, trạng thái, thao tác được phép, lịch sử.");
        disbursements.MapPost("/{id:guid}/actions/{action}", async (Guid id, string action, ActionRequest? body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SubjectActionCommand(DisbursementProcess.SubjectType, id, action, body?.Comment, body?.Data), ct)))
            .WithName("fireDisbursementAction")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("request, approve, return, reject, confirm-payment ({data: {treasuryReference, paidOn}}), refuse, cancel.");

        var settlements = app.MapGroup("/api/settlements").WithTags("Quyết toán")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        settlements.MapGet("", async (string? planId, string? agency, string? year, string? state, string? page, string? pageSize, string? q,
                IMediator m, CancellationToken ct) =>
            {
                var (p, size) = Paging(page, pageSize);
                return TypedResults.Ok(await m.Send(new ListSettlementsQuery(RequestInput.Guid(planId, "planId"), agency, RequestInput.Int(year, "year"), state, p, size,
                    DossierSearch.Parse(q)), ct));
            })
            .WithName("listSettlements")
            .ProducesValidationProblem()
            .WithSummary("Hồ sơ quyết toán người gọi được xem, lọc theo kế hoạch, cơ quan chủ trì, năm, trạng thái, mã hoặc từ khóa (q); mới thay đổi trước.");
        settlements.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetSettlementQuery(id), ct)))
            .WithName("getSettlement")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Hồ sơ nghiệm thu, quyết toán: kết quả, đối tượng đạt được, chi phí thực tế theo nguồn, số phải nộp lại, trạng thái, thao tác được phép, lịch sử.");
        settlements.MapPut("/{id:guid}", async (Guid id, SettlementInput input, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new SettlementEdited(await m.Send(new EditSettlementCommand(id, input), ct))))
            .WithName("editSettlement")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Sửa hồ sơ quyết toán ở trạng thái Dự thảo.");
        settlements.MapPost("/{id:guid}/actions/{action}", async (Guid id, string action, ActionRequest? body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SubjectActionCommand(SettlementProcess.SubjectType, id, action, body?.Comment, body?.Data), ct)))
            .WithName("fireSettlementAction")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("submit, verify, return, approve, close.");

        app.MapPost("/api/plans/{id:guid}/carryovers", async (Guid id, CarryoverRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CarryOverCommand(id, body.Component, body.DecisionReference), ct)))
            .RequireAuthorization(Policies.ManagePlans)
            .WithName("carryOverPlanLine")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("Kế hoạch vốn")
            .WithSummary("Chuyển nguồn một dòng của năm đã kết thúc sang dòng cùng dự án của kế hoạch năm sau.");
        app.MapPost("/api/plans/{id:guid}/lapses", async (Guid id, CarryoverRequest body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new LapseLineCommand(id, body.Component, body.DecisionReference), ct)))
            .RequireAuthorization(Policies.ManagePlans)
            .WithName("lapsePlanLine")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("Kế hoạch vốn")
            .WithSummary("Hủy dự toán: số chưa cam kết của một dòng năm đã khóa sổ không được chuyển nguồn (quy tắc 25).");
        return app;
    }

    public sealed record CarryoverRequest(string? Component, string? DecisionReference);

    private static (int Page, int PageSize) Paging(string? page, string? pageSize)
    {
        var p = RequestInput.Int(page, "page") ?? 1;
        var size = RequestInput.Int(pageSize, "pageSize") ?? 20;
        if (p < 1) throw new ValidationFailedException("page", "Trang bắt đầu từ 1.");
        if (size is < 1 or > 100) throw new ValidationFailedException("pageSize", "Mỗi trang từ 1 đến 100 dòng.");
        return (p, size);
    }
}
