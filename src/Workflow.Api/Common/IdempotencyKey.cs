namespace Workflow.Api.Common;

/// <summary>
/// Marks the endpoints whose POSTs honour an idempotency key (docs/operations.md, "Idempotency-Key"): the API's, where the
/// key is the <c>Idempotency-Key</c> header, and the web pages that create or act, where it is the hidden field every
/// rendered form carries.
/// </summary>
public sealed class IdempotentPosts
{
    private IdempotentPosts(bool fromForm) => FromForm = fromForm;

    public static readonly IdempotentPosts Api = new(false);
    public static readonly IdempotentPosts Forms = new(true);

    /// <summary>The key comes from the form's hidden field (web pages), not from the header (API).</summary>
    public bool FromForm { get; }
}

/// <summary>
/// Fields of an answer that are shown once and never stored with the key — a one-time password: a repeat of the request
/// answers them as null.
/// </summary>
public sealed class SecretAnswerFields(params string[] names)
{
    public IReadOnlyList<string> Names { get; } = names;
}

public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    /// <summary>The hidden field of a rendered form (<see cref="Pages.IdempotencyKeyTagHelper"/>).</summary>
    public const string FormField = "__IdempotencyKey";

    public const int MaxLength = 255;

    /// <summary>Set on an answer given again from the stored first one.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Why <paramref name="key"/> cannot be a key, or null: 1 to 255 printable ASCII characters.</summary>
    public static string? Problem(string key) =>
        key.Length is 0 or > MaxLength || key.Any(c => c is < ' ' or > '~')
            ? $"Idempotency-Key phải gồm 1 đến {MaxLength} ký tự ASCII in được (không dấu, không ký tự điều khiển), ví dụ một UUID."
            : null;

    /// <summary>Every POST mapped on <paramref name="group"/> honours the <c>Idempotency-Key</c> header.</summary>
    public static RouteGroupBuilder WithIdempotencyKeys(this RouteGroupBuilder group) => group.WithMetadata(IdempotentPosts.Api);
}

/// <summary>The key was first used for a different request (422): a key names one request.</summary>
public sealed class IdempotencyKeyReusedException() : Exception(
    "Idempotency-Key này đã được dùng cho một yêu cầu khác (khác địa chỉ hoặc nội dung). Mỗi yêu cầu mới cần một khóa mới; " +
    "chỉ gửi lại đúng yêu cầu cũ mới dùng lại khóa cũ. Không có gì được thực hiện.");
