using System.Globalization;
using System.Text.Json;
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

    private static BadHttpRequestException TooLarge() =>
        new($"Nội dung quá lớn (tối đa {MaxJsonBytes / 1024} KiB).", StatusCodes.Status413PayloadTooLarge);
}
