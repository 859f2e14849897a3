using System.Globalization;
using MediatR;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Admin.Catalogues.ListCatalogues;
using Workflow.Api.Features.Admin.Catalogues.LoadCatalogue;
using Workflow.Api.Features.Admin.CloseUnit;
using Workflow.Api.Features.Admin.CreateAgency;
using Workflow.Api.Features.Admin.CreateUnit;
using Workflow.Api.Features.Admin.Policies.CreatePolicyVersion;
using Workflow.Api.Features.Admin.Policies.ListPolicies;
using Workflow.Api.Features.Admin.GetAssignments;
using Workflow.Api.Features.Admin.GetUnit;
using Workflow.Api.Features.Admin.ListAgencies;
using Workflow.Api.Features.Admin.ListUnits;
using Workflow.Api.Features.Admin.ReadJournal;
using Workflow.Api.Features.Admin.RenameUnit;
using Workflow.Api.Features.Admin.SetAssignments;
using Workflow.Api.Features.Admin.GetCeilings;
using Workflow.Api.Features.Admin.SetCeilings;
using Workflow.Api.Features.Admin.UpdateAgency;
using Workflow.Api.Features.Admin.SetAgencyBudgetIdentity;
using Workflow.Api.Features.Admin.Users.CreateUser;
using Workflow.Api.Features.Admin.Users.ListUsers;
using Workflow.Api.Features.Admin.Users.ResetPassword;
using Workflow.Api.Features.Admin.Users.SetUserActive;
using Workflow.Api.Features.Admin.Users.TwoFactorRoles;
using Workflow.Api.Features.Admin.Users.UpdateUser;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;

namespace Workflow.Api.Endpoints;

/// <summary>
/// Administration (docs/administration.md): units, agencies, which agency plays which part for a unit, and the
/// journal of those changes. Administrators only, within the unit they belong to; the journal also for monitors.
/// </summary>
public static class AdminEndpoints
{
    /// <summary>A date alone in a journal filter is a day in Vietnam (UTC+7).</summary>
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Quản trị")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var policies = group.MapGroup("/policies").RequireAuthorization(Policies.ManageProvincePolicies);
        policies.MapGet("", async (string? province, int? year, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListPoliciesQuery(province, year), ct)))
            .WithName("listProvincePolicies")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Các phiên bản chính sách của một tỉnh (theo năm ngân sách) và phiên bản đang áp dụng; tỉnh ngoài phạm vi trả 404.");
        policies.MapPost("", async (CreatePolicyVersionCommand? body, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(body ?? throw NoBody(), ct);
                return TypedResults.Created($"/api/admin/policies?province={created.ProvinceCode}&year={created.FiscalYear}", created);
            })
            .WithName("createProvincePolicyVersion")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Phiên bản mới của chính sách tỉnh cho một năm ngân sách: ngày có hiệu lực và mỗi giá trị kèm căn cứ. Hồ sơ đã kiểm tra giữ phiên bản cũ.");

        var units = group.MapGroup("/units").RequireAuthorization(Policies.Administer);
        units.MapGet("", async (string? parent, string? level, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListAdminUnitsQuery(parent, RequestInput.Enum<AdminLevel>(level, "level")), ct)))
            .WithName("listAdminUnits")
            .ProducesValidationProblem()
            .WithSummary("Các đơn vị hành chính thuộc phạm vi quản trị (đơn vị của mình và cấp dưới), lọc theo đơn vị cấp trên và cấp.");
        units.MapGet("/{code}", async (string code, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetAdminUnitQuery(code), ct)))
            .WithName("getAdminUnit")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Một đơn vị trong phạm vi quản trị; ngoài phạm vi trả 404 như mã không tồn tại.");
        units.MapPost("", async (CreateUnitCommand? body, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(body ?? throw NoBody(), ct);
                return TypedResults.Created($"/api/admin/units/{created.Code}", created);
            })
            .WithName("createAdminUnit")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Tạo đơn vị: tỉnh (dưới VN), xã/phường/đặc khu (dưới tỉnh), hoặc dữ liệu lịch sử (huyện, xã thuộc huyện, hết hiệu lực không sau 30/6/2025). Mã trùng: 409.");
        units.MapPut("/{code}", async (string code, RenameUnitRequest? body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RenameUnitCommand(code, (body ?? throw NoBody()).Name), ct)))
            .WithName("renameAdminUnit")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Đổi tên đơn vị (mã giữ nguyên).");
        units.MapPost("/{code}/close", async (string code, CloseUnitRequest? body, IMediator m, CancellationToken ct) =>
            {
                var request = body ?? throw NoBody();
                return TypedResults.Ok(await m.Send(new CloseUnitCommand(code, request.ValidTo, request.SuccessorCode), ct));
            })
            .WithName("closeAdminUnit")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Giải thể / sáp nhập: ngày cuối còn hiệu lực (validTo) và đơn vị kế thừa (successorCode) nếu sáp nhập. Đơn vị được giữ làm lịch sử.");
        units.MapGet("/{code}/assignments", async (string code, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetAssignmentsQuery(code), ct)))
            .WithName("getUnitAssignments")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Cơ quan thẩm định, phê duyệt, kho bạc kiểm soát chi của đơn vị: đang hiệu lực và lịch sử. Việc của quy trình được giao theo phân công đang hiệu lực.");
        units.MapPut("/{code}/assignments", async (string code, SetAssignmentsRequest? body, IMediator m, CancellationToken ct) =>
            {
                var request = body ?? throw NoBody();
                return TypedResults.Ok(await m.Send(new SetAssignmentsCommand(code, request.ValidFrom, request.Appraiser, request.Approver, request.Treasury), ct));
            })
            .WithName("setUnitAssignments")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Phân công từ ngày validFrom: appraiser (Phòng TC-KH của đơn vị), approver (UBND của đơn vị), treasury (kho bạc của đơn vị hoặc cấp trên).");

        units.MapGet("/{code}/ceilings/{period}", async (string code, string period, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetCeilingsQuery(code, period), ct)))
            .WithName("getUnitCeilings")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Kế hoạch trung hạn của đơn vị cho giai đoạn (2026-2030): trần theo dự án và nguồn, số các kế hoạch năm đã phân bổ và còn lại.");
        units.MapPut("/{code}/ceilings/{period}", async (string code, string period, SetCeilingsRequest? body, IMediator m, CancellationToken ct) =>
            {
                var request = body ?? throw NoBody();
                return TypedResults.Ok(await m.Send(new SetCeilingsCommand(code, period, request.Basis, request.Lines), ct));
            })
            .WithName("setUnitCeilings")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ghi cả bộ trần trung hạn của giai đoạn (basis, lines: component, amounts theo nguồn); danh sách rỗng bỏ giới hạn. Từ chối (409) khi các kế hoạch năm đã phân bổ vượt trần mới.");

        var agencies = group.MapGroup("/agencies").RequireAuthorization(Policies.Administer);
        agencies.MapGet("", async (string? unit, string? kind, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListAdminAgenciesQuery(unit, RequestInput.Enum<AgencyKind>(kind, "kind")), ct)))
            .WithName("listAdminAgencies")
            .ProducesValidationProblem()
            .WithSummary("Các cơ quan của những đơn vị trong phạm vi quản trị, lọc theo đơn vị và loại.");
        agencies.MapPost("", async (CreateAgencyCommand? body, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(body ?? throw NoBody(), ct);
                return TypedResults.Created($"/api/admin/agencies/{created.Code}", created);
            })
            .WithName("createAdminAgency")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Tạo cơ quan (mã duy nhất toàn quốc) cho một đơn vị trong phạm vi quản trị.");
        agencies.MapPut("/{code}", async (string code, UpdateAgencyRequest? body, IMediator m, CancellationToken ct) =>
            {
                var request = body ?? throw NoBody();
                return TypedResults.Ok(await m.Send(new UpdateAgencyCommand(code, request.Name, request.Kind), ct));
            })
            .WithName("updateAdminAgency")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Đổi tên và/hoặc loại cơ quan. Không đổi loại khi cơ quan đang được phân công hoặc đang chủ trì dòng kế hoạch (409).");
        agencies.MapGet("/{code}/budget-identity", async (string code, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetAgencyBudgetIdentityQuery(code), ct)))
            .WithName("getAgencyBudgetIdentity")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Mã ĐVQHNS, tài khoản tại kho bạc, mã KBNN và mã chương của cơ quan (in trên giấy rút dự toán).");
        agencies.MapPut("/{code}/budget-identity", async (string code, AgencyBudgetIdentityRequest? body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SetAgencyBudgetIdentityCommand(code, body ?? throw NoBody()), ct)))
            .WithName("setAgencyBudgetIdentity")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Ghi mã ĐVQHNS (7 số), tài khoản tại kho bạc (ví dụ 9523.3.1234567), tên và mã KBNN (4 số), mã chương (3 số); để trống là chưa biết.");

        var users = group.MapGroup("/users").RequireAuthorization(Policies.Administer);
        users.MapGet("", async (string? userName, string? q, string? unit, string? agency, string? role, string? active, string? page, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListUsersQuery(userName, q, unit, agency, role, RequestInput.Bool(active, "active"), RequestInput.Int(page, "page") ?? 1), ct)))
            .WithName("listAdminUsers")
            .ProducesValidationProblem()
            .WithSummary("Người dùng của các đơn vị trong phạm vi quản trị; userName lọc đúng tên (để lấy id), q lọc theo một phần tên.");
        users.MapPost("", async (CreateUserCommand? body, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(body ?? throw NoBody(), ct);
                return TypedResults.Created($"/api/admin/users?userName={created.User.UserName}", created);
            })
            .WithMetadata(new SecretAnswerFields("oneTimePassword"))
            .WithName("createAdminUser")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Tạo người dùng với mật khẩu một lần (hiển thị một lần); người dùng phải đổi mật khẩu khi đăng nhập lần đầu.");
        users.MapPut("/{id:guid}", async (Guid id, UpdateUserRequest? body, IMediator m, CancellationToken ct) =>
            {
                var request = body ?? throw NoBody();
                return TypedResults.Ok(await m.Send(new UpdateUserCommand(id, request.DisplayName, request.Position, request.AgencyCode, request.Roles, request.Email, request.IsHead), ct));
            })
            .WithName("updateAdminUser")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Đổi họ tên, chức vụ, cơ quan, vai trò, địa chỉ thư điện tử (nhận thông báo qua e-mail); các phiên đăng nhập của người đó kết thúc.");
        users.MapPost("/{id:guid}/disable", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new SetUserActiveCommand(id, false), ct)))
            .WithName("disableAdminUser")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Khóa người dùng: yêu cầu tiếp theo của họ bị từ chối (401).");
        users.MapPost("/{id:guid}/enable", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new SetUserActiveCommand(id, true), ct)))
            .WithName("enableAdminUser")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Mở khóa người dùng.");
        users.MapPost("/{id:guid}/reset-password", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ResetPasswordCommand(id), ct)))
            .WithMetadata(new SecretAnswerFields("oneTimePassword"))
            .WithName("resetAdminUserPassword")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cấp mật khẩu một lần mới (gỡ khóa đăng nhập); người dùng phải đổi khi đăng nhập.");

        var twoFactor = group.MapGroup("/two-factor-roles").RequireAuthorization(Policies.Administer);
        twoFactor.MapGet("", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetTwoFactorRolesQuery(), ct)))
            .WithName("getTwoFactorRoles")
            .WithSummary("Các vai trò bắt buộc xác thực hai bước.");
        twoFactor.MapPut("", async (SetTwoFactorRolesCommand? body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(body ?? throw NoBody(), ct)))
            .WithName("setTwoFactorRoles")
            .ProducesValidationProblem()
            .WithSummary("Đặt các vai trò bắt buộc xác thực hai bước (quản trị viên quốc gia; khuyến nghị Admin, Approver).");

        var catalogues = group.MapGroup("/catalogues").RequireAuthorization(Policies.Administer);
        catalogues.MapGet("", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListCataloguesQuery(), ct)))
            .WithName("listCatalogues")
            .WithSummary("Danh mục chương trình theo giai đoạn: mọi phiên bản đã nạp, phiên bản đang dùng (inUse), căn cứ pháp lý, các dự án thuộc phạm vi hệ thống.");
        catalogues.MapPost("", async (HttpRequest request, IMediator m, CancellationToken ct) =>
            {
                var content = await ReadBodyAsync(request, ct);
                var created = await m.Send(new LoadCatalogueCommand(content), ct);
                return TypedResults.Created($"/api/admin/catalogues", created);
            })
            .Accepts<System.Text.Json.JsonElement>("application/json")
            .Produces<CatalogueView>(StatusCodes.Status201Created)
            .WithName("loadCatalogue")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Nạp danh mục chương trình của một giai đoạn (nội dung là tệp *.catalogue.json; quản trị viên quốc gia). Lỗi: 400 theo đường dẫn JSON; đã nạp đúng nội dung này: 409.");

        group.MapGet("/journal", async (string? objectType, string? objectId, string? unit, string? actor, string? from, string? to, string? page,
                    IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ReadAdminJournalQuery(objectType, objectId, unit, actor,
                    Moment(from, "from", endOfDay: false), Moment(to, "to", endOfDay: true), RequestInput.Int(page, "page") ?? 1), ct)))
            .RequireAuthorization(Policies.ReadAdminJournal)
            .WithName("readAdminJournal")
            .ProducesValidationProblem()
            .WithSummary("Nhật ký quản trị của các đơn vị thuộc đơn vị mình, mới nhất trước, 50 mục mỗi trang. from/to: ngày (giờ Việt Nam) hoặc thời điểm ISO 8601.");
        return app;
    }

    /// <summary>A catalogue file is small (tens of components); anything far larger is not one.</summary>
    private const int MaxCatalogueBytes = 1024 * 1024;

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxCatalogueBytes)
            throw new ValidationFailedException("$", $"Tệp danh mục quá lớn (tối đa {MaxCatalogueBytes / 1024} KiB).");
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxCatalogueBytes + 1];
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (length > MaxCatalogueBytes) throw new ValidationFailedException("$", $"Tệp danh mục quá lớn (tối đa {MaxCatalogueBytes / 1024} KiB).");
        if (length == 0 || new string(buffer, 0, length).Trim().Length == 0) throw NoBody();
        return new string(buffer, 0, length);
    }

    private static ValidationFailedException NoBody() => new("$", "Chưa gửi nội dung: cần một đối tượng JSON.");

    /// <summary>An ISO 8601 moment, or a date meaning that day in Vietnam: its first moment for <c>from</c>, its last for <c>to</c>.</summary>
    /// <summary>A journal filter's bound: a day (yyyy-MM-dd, in Vietnam; its last moment for the end of a range) or an ISO 8601 moment.</summary>
    internal static DateTimeOffset? Moment(string? value, string name, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), VietnamOffset);
            return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? moment
            : throw new ValidationFailedException(name, $"'{value}' không phải ngày (yyyy-MM-dd) hay thời điểm ISO 8601.");
    }

    /// <summary>The body of <c>PUT /api/admin/users/{id}</c>.</summary>
    /// <param name="IsHead">Head of their agency: may take over tasks colleagues claimed; omitted keeps it as it is.</param>
    public sealed record UpdateUserRequest(string? DisplayName, string? Position, string? AgencyCode, IReadOnlyList<string>? Roles, string? Email = null,
        bool? IsHead = null);
}
