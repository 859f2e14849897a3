using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Features.Plans;
using Workflow.Domain.Common;

namespace Workflow.Api.Common;

/// <summary>Reads what clients send outside typed bodies, so that bad input gets a Vietnamese answer with its field, never a 500.</summary>
public static class RequestInput
{
    public const int MaxJsonBytes = 1024 * 1024;

    public static async Task<JsonElement> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxJsonBytes) throw TooLarge();
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxJsonBytes + 1];
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (length > MaxJsonBytes) throw TooLarge();
        if (length == 0) throw new ValidationFailedException("$", "Chưa gửi nội dung: cần tệp kế hoạch dạng JSON.");
        return PlanFile.ParseJson(new string(buffer, 0, length));
    }

    /// <summary>A plan sent to import or revise: a JSON file, or an Excel workbook (docs/plan-file.md).</summary>
    public sealed record PlanUpload(JsonElement? Json, byte[]? Workbook)
    {
        /// <summary>A revision's reason from a multipart form, for a workbook (a JSON file carries its own).</summary>
        public string? Reason { get; init; }
    }

    /// <summary>
    /// The plan in a request: the workbook as the body (content type <see cref="PlanWorkbook.ContentType"/>), a
    /// multipart form whose field <c>file</c> is a .json or .xlsx file (and, for a revision, field <c>reason</c>),
    /// or JSON as the body.
    /// </summary>
    public static async Task<PlanUpload> ReadPlanAsync(HttpRequest request, bool allowReason, CancellationToken ct)
    {
        var mediaType = MediaTypeOf(request.ContentType);
        if (mediaType == PlanWorkbook.ContentType)
        {
            if (request.ContentLength > PlanWorkbook.MaxBytes) throw TooLarge(PlanWorkbook.MaxBytes);
            return new(null, await ReadBytesAsync(request.Body, PlanWorkbook.MaxBytes, ct));
        }
        if (mediaType == "multipart/form-data")
        {
            if (request.ContentLength > PlanWorkbook.MaxBytes + 64 * 1024) throw TooLarge(PlanWorkbook.MaxBytes);
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file")
                ?? throw new ValidationFailedException("file", "Chưa gửi tệp: trường 'file' của biểu mẫu phải là tệp kế hoạch .json hoặc .xlsx.");
            await using var stream = file.OpenReadStream();
            var bytes = await ReadBytesAsync(stream, PlanWorkbook.MaxBytes, ct);
            var reason = allowReason ? form["reason"].ToString() : "";
            if (IsWorkbook(bytes, file.FileName, file.ContentType))
                return new(null, bytes) { Reason = reason.Length == 0 ? null : reason };
            if (bytes.Length > MaxJsonBytes) throw TooLarge(MaxJsonBytes);
            if (bytes.Length == 0) throw new ValidationFailedException("file", "Tệp rỗng: cần tệp kế hoạch .json hoặc .xlsx.");
            var json = PlanFile.ParseJson(new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF'));
            if (reason.Length > 0 && JsonNode.Parse(json.GetRawText()) is JsonObject withReason)
            {
                withReason["reason"] = reason;
                json = JsonSerializer.SerializeToElement(withReason);
            }
            return new(json, null);
        }
        return new(await ReadJsonAsync(request, ct), null);
    }

    /// <summary>An .xlsx is a zip package (PK…); a name or type saying so counts too, so a broken one is told it is not a workbook.</summary>
    public static bool IsWorkbook(byte[] bytes, string? fileName, string? contentType) =>
        (bytes.Length >= 2 && bytes[0] == 0x50 && bytes[1] == 0x4B)
        || (fileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ?? false)
        || (fileName?.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) ?? false)
        || MediaTypeOf(contentType) == PlanWorkbook.ContentType;

    private static string MediaTypeOf(string? contentType) =>
        (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();

    private static async Task<byte[]> ReadBytesAsync(Stream stream, int max, CancellationToken ct)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            memory.Write(buffer, 0, read);
            if (memory.Length > max) throw TooLarge(max);
        }
        return memory.ToArray();
    }

    public static int? Int(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ValidationFailedException(name, $"'{value}' không phải số nguyên.");
    }

    public static Guid? Guid(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return System.Guid.TryParse(value, out var id) ? id : throw new ValidationFailedException(name, $"'{value}' không phải mã hợp lệ.");
    }

    public static bool? Bool(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return bool.TryParse(value, out var flag) ? flag : throw new ValidationFailedException(name, $"'{value}' phải là true hoặc false.");
    }

    public static TEnum? Enum<TEnum>(string? value, string name) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var match = System.Enum.GetValues<TEnum>().FirstOrDefault(e => string.Equals(e.ToString(), value, StringComparison.OrdinalIgnoreCase));
        return string.Equals(match.ToString(), value, StringComparison.OrdinalIgnoreCase)
            ? match
            : throw new ValidationFailedException(name, $"'{value}' không hợp lệ; dùng một trong: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
    }

    private static BadHttpRequestException TooLarge(int max = MaxJsonBytes) =>
        new($"Nội dung quá lớn (tối đa {max / 1024} KiB).", StatusCodes.Status413PayloadTooLarge);
}
