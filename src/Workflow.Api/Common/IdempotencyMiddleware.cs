using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Idempotency;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Common;

/// <summary>
/// Runs a POST that carries an idempotency key at most once per key (docs/operations.md, "Idempotency-Key"): the first
/// request claims the key, runs, and its answer is written into the key's row in the transaction of its effect; a repeat
/// gets that answer again and changes nothing. The API reads the key from the <c>Idempotency-Key</c> header, the web
/// pages from the hidden field of the form.
/// </summary>
/// <remarks>
/// A request succeeds when the API answers below 400, or a page redirects (post/redirect/get: a page that shows itself
/// again shows the form's errors). Anything else rolls back whatever it saved and gives the key back, so the same request
/// may be sent again with the same key once it is put right.
/// </remarks>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyKeys keys)
{
    /// <summary>How long a form sent twice (a double click) waits for the first to finish, to show that one's outcome.</summary>
    public static readonly TimeSpan FormWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FormPoll = TimeSpan.FromMilliseconds(100);

    public const string ReplayedFormMessage =
        "Biểu mẫu này đã được gửi trước đó; lần gửi lại không tạo thêm gì. Đây là kết quả của lần gửi đầu tiên.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentPosts>() is not { } posts
            || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await next(context);
            return;
        }
        if (posts.FromForm) await FormAsync(context, userId);
        else await ApiAsync(context, userId);
    }

    private async Task ApiAsync(HttpContext context, Guid userId)
    {
        if (!context.Request.Headers.TryGetValue(IdempotencyKey.Header, out var values))
        {
            await next(context);
            return;
        }
        if (values.Count != 1) throw new ValidationFailedException(IdempotencyKey.Header, "Gửi một Idempotency-Key duy nhất.");
        var key = values[0] ?? "";
        if (IdempotencyKey.Problem(key) is { } problem) throw new ValidationFailedException(IdempotencyKey.Header, problem);

        string hash;
        try
        {
            hash = await RequestFingerprint.OfAsync(context.Request, userId, context.RequestAborted);
        }
        catch (InvalidDataException e)
        {
            // a malformed multipart body: the endpoint could not read it either
            throw new BadHttpRequestException("Nội dung biểu mẫu không đọc được.", StatusCodes.Status400BadRequest, e);
        }
        var claim = await keys.ClaimAsync(userId, key, hash, context.RequestAborted);
        switch (claim.Outcome)
        {
            case ClaimOutcome.Replay:
                await ReplayAsync(context.Response, claim.Answer!);
                return;
            case ClaimOutcome.Busy:
                throw StillRunning();
            case ClaimOutcome.Mismatch:
                throw new IdempotencyKeyReusedException();
        }
        if (!await RunAsync(context, claim.Request!, fromForm: false))
            throw StillRunning();
    }

    private static ConflictException StillRunning()
    {
        const string message = "Yêu cầu với Idempotency-Key này đang được xử lý. Hãy đợi rồi gửi lại đúng yêu cầu đó với cùng khóa để nhận kết quả.";
        return new ConflictException(message, "idempotency.inProgress") { Violations = [new(IdempotencyKey.Header, message)] };
    }

    private static async Task ReplayAsync(HttpResponse response, IdempotentAnswer answer)
    {
        response.StatusCode = answer.StatusCode;
        if (answer.Location is not null) response.Headers.Location = answer.Location;
        if (answer.ContentType is not null) response.ContentType = answer.ContentType;
        response.Headers[IdempotencyKey.ReplayedHeader] = "true";
        if (answer.Body is { Length: > 0 } body) await response.Body.WriteAsync(body);
    }

    private async Task FormAsync(HttpContext context, Guid userId)
    {
        var request = context.Request;
        string key;
        try
        {
            key = request.HasFormContentType ? (await request.ReadFormAsync(context.RequestAborted))[IdempotencyKey.FormField].ToString() : "";
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            key = ""; // the page refuses an unreadable form as it always has
        }
        if (key.Length == 0)
        {
            // a page rendered before keys, or a form that has none: as without the guard
            await next(context);
            return;
        }
        if (IdempotencyKey.Problem(key) is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var hash = await RequestFingerprint.OfAsync(request, userId, context.RequestAborted);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var claim = await keys.ClaimAsync(userId, key, hash, context.RequestAborted);
            switch (claim.Outcome)
            {
                case ClaimOutcome.Taken:
                    if (!await RunAsync(context, claim.Request!, fromForm: true)) context.Response.StatusCode = StatusCodes.Status409Conflict;
                    return;
                case ClaimOutcome.Replay:
                    ReplayForm(context, claim.Answer!);
                    return;
                case ClaimOutcome.Mismatch:
                    // the error page explains (Pages/Errors/Status)
                    context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                    return;
                case ClaimOutcome.Busy when waited.Elapsed < FormWait:
                    // a double click: the browser shows the answer to the second submit, so it waits to show the first's outcome
                    await Task.Delay(FormPoll, context.RequestAborted);
                    continue;
                default:
                    context.Response.StatusCode = StatusCodes.Status409Conflict;
                    return;
            }
        }
    }

    /// <summary>Forms record only redirects: the repeat goes where the first submit led, and says why.</summary>
    private static void ReplayForm(HttpContext context, IdempotentAnswer answer)
    {
        var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
        tempData[nameof(Pages.AppPageModel.Flash)] = ReplayedFormMessage;
        tempData.Save();
        context.Response.StatusCode = answer.StatusCode;
        context.Response.Headers.Location = answer.Location;
        context.Response.Headers[IdempotencyKey.ReplayedHeader] = "true";
    }

    /// <summary>Runs the request holding its key; false when its answer could not be recorded (the key was taken over) and nothing was kept.</summary>
    private async Task<bool> RunAsync(HttpContext context, IdempotentRequest request, bool fromForm)
    {
        var db = context.RequestServices.GetRequiredService<WorkflowDbContext>();
        request.CarryIn(db);
        var response = context.Response;
        var original = response.Body;
        // the answer is held back until it is recorded and committed: a client never sees a success that was not kept
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
            await response.BodyWriter.FlushAsync(context.RequestAborted);
        }
        catch
        {
            response.Body = original;
            await keys.AbandonAsync(db, request);
            throw;
        }
        response.Body = original;

        var succeeded = fromForm ? response.StatusCode is >= 300 and < 400 : response.StatusCode < 400;
        if (!succeeded)
        {
            await keys.AbandonAsync(db, request);
        }
        else
        {
            bool recorded;
            try
            {
                recorded = await keys.CompleteAsync(db, request, AnswerOf(context, buffer, fromForm));
            }
            catch
            {
                await keys.AbandonAsync(db, request);
                throw;
            }
            if (!recorded)
            {
                response.Clear();
                return false;
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
        return true;
    }

    private static IdempotentAnswer AnswerOf(HttpContext context, MemoryStream buffer, bool fromForm)
    {
        var response = context.Response;
        var location = response.Headers.Location.ToString() is { Length: > 0 } l ? l : null;
        if (fromForm) return new(response.StatusCode, location, null, null);
        var body = buffer.ToArray();
        if (context.GetEndpoint()?.Metadata.GetMetadata<SecretAnswerFields>() is { } secrets && body.Length > 0)
            body = WithoutSecrets(body, secrets);
        return new(response.StatusCode, location, response.ContentType, body);
    }

    private static byte[] WithoutSecrets(byte[] body, SecretAnswerFields secrets)
    {
        if (JsonNode.Parse(body) is not JsonObject answer) return body;
        foreach (var name in secrets.Names.Where(answer.ContainsKey)) answer[name] = null;
        return JsonSerializer.SerializeToUtf8Bytes(answer, AnswerJson);
    }

    private static readonly JsonSerializerOptions AnswerJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
