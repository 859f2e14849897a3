using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;

namespace Workflow.Api.Common;

/// <summary>The one place exceptions become HTTP answers: RFC 7807 problem details, Vietnamese titles, never a stack trace.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // the web pages answer with a Vietnamese error page (re-executed at /loi/500), never with JSON; by now the
        // middleware has already pointed the request at that page, so the original path comes from the feature
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
        if (!new PathString(path).StartsWithSegments("/api"))
        {
            if (exception is not (NotFoundException or ForbiddenException or GoneException))
                logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, path);
            return false;
        }

        var problem = ProblemOf(exception);
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Lỗi hệ thống",
                Detail = "Đã xảy ra lỗi không mong muốn. Thao tác chưa được thực hiện; vui lòng thử lại hoặc báo quản trị viên kèm mã truy vết.",
            };
        }

        if (problem.Status < 500)
            Infrastructure.Telemetry.WorkflowTelemetry.Refusals.Add(1,
                new KeyValuePair<string, object?>("problem.code", problem.Extensions.TryGetValue("code", out var code) && code is string named ? named
                    : problem is ValidationProblemDetails ? "validation" : $"http.{problem.Status}"),
                new KeyValuePair<string, object?>("http.response.status_code", problem.Status));
        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// What a refused request is told: the problem an exception a user can cause becomes, or null for a fault of the
    /// server's own. The answer of one request, and of each item of a bulk request.
    /// </summary>
    internal static ProblemDetails? ProblemOf(Exception exception) => exception switch
    {
        ValidationFailedException v => Validation(v.Violations),
        ConflictException c => Conflict(c),
        IdempotencyKeyReusedException r => KeyReused(r),
        // a lost race on a revision, or PostgreSQL giving up one of two transactions on the same rows: nothing was kept
        DbUpdateConcurrencyException => LostRace(),
        DbUpdateException when Infrastructure.Persistence.DbErrors.IsTransientConflict(exception) => LostRace(),
        Auth.AuthenticationFailedException a => SignInFailed(a),
        NotFoundException n => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Không tìm thấy", Detail = n.Message },
        ForbiddenException f => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Không có quyền", Detail = f.Message },
        GoneException g => new ProblemDetails { Status = StatusCodes.Status410Gone, Title = "Nội dung đã bị xóa theo quy định lưu trữ", Detail = g.Message },
        BadHttpRequestException { InnerException: System.Text.Json.JsonException j } => Validation([new Violation(JsonPathOf(j.Path), JsonProblem(j))]),
        BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "Yêu cầu không hợp lệ", Detail = b.StatusCode == 413 ? "Nội dung gửi lên quá lớn." : "Yêu cầu không đọc được." },
        _ => null,
    };

    private static ProblemDetails LostRace() => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Xung đột cập nhật",
        Detail = "Dữ liệu vừa được người khác thay đổi. Hãy tải lại và thực hiện lại thao tác.",
    };

    /// <summary>System.Text.Json reports <c>$.lines[0].amount</c>; problems are keyed without the root.</summary>
    private static string JsonPathOf(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.") ? path[2..] : path.TrimStart('$');

    private static string JsonProblem(System.Text.Json.JsonException e) => e.Path is null or "$"
        ? $"Nội dung không phải JSON hợp lệ{(e.LineNumber is { } l ? $" (dòng {l + 1}, vị trí {e.BytePositionInLine + 1})" : "")}."
        : "Giá trị không đúng kiểu: số phải là số, chữ phải đặt trong dấu ngoặc kép, ngày theo dạng yyyy-MM-dd, mục chọn theo đúng tên.";

    public static ValidationProblemDetails Validation(IEnumerable<Violation> violations) =>
        new(violations.GroupBy(v => v.Path).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Dữ liệu không hợp lệ",
            Detail = "Yêu cầu có lỗi ở các trường nêu trong 'errors'; chưa có gì được lưu.",
        };

    private static ProblemDetails SignInFailed(Auth.AuthenticationFailedException a)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Đăng nhập không thành công", Detail = a.Message };
        problem.Extensions["code"] = a.Code;
        if (a is Auth.LockedOutException locked) problem.Extensions["minutesLeft"] = locked.MinutesLeft;
        return problem;
    }

    /// <summary>The one 422 of the API (DESIGN.md §6): an Idempotency-Key sent again with a different request.</summary>
    private static ProblemDetails KeyReused(IdempotencyKeyReusedException r)
    {
        var problem = Validation([new Violation(IdempotencyKey.Header, r.Message)]);
        problem.Status = StatusCodes.Status422UnprocessableEntity;
        problem.Title = "Idempotency-Key đã dùng cho yêu cầu khác";
        problem.Detail = r.Message;
        problem.Extensions["code"] = "idempotency.keyReused";
        return problem;
    }

    private static ProblemDetails Conflict(ConflictException c)
    {
        var problem = c.Violations.Count > 0 ? Validation(c.Violations) : new ProblemDetails();
        problem.Status = StatusCodes.Status409Conflict;
        problem.Title = "Xung đột";
        problem.Detail = c.Message;
        if (c.Code is not null) problem.Extensions["code"] = c.Code;
        return problem;
    }
}
