using Workflow.Domain.Common;

namespace Workflow.Domain.Files;

/// <summary>One kind of file a dossier takes: its name endings, its media type and how its content begins.</summary>
public sealed record FileKind(string Name, IReadOnlyList<string> Extensions, string ContentType, byte[] Signature);

/// <summary>
/// What may be attached to a dossier — PDF, PNG and JPEG images, Word and Excel (the zip-based .docx/.xlsx and the older
/// .doc/.xls) — and the checks an upload passes before anything is kept: a name, some content, at most the size limit,
/// and content that really is what its name says (its first bytes), so a renamed program is not served as a PDF.
/// </summary>
public static class FileKinds
{
    public const string Field = "file";
    public const int MaxNameLength = 200;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static readonly IReadOnlyList<FileKind> All =
    [
        new("PDF", [".pdf"], "application/pdf", Pdf),
        new("PNG", [".png"], "image/png", Png),
        new("JPEG", [".jpg", ".jpeg"], "image/jpeg", Jpeg),
        new("Word", [".docx"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        new("Excel", [".xlsx"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        new("Word 97-2003", [".doc"], "application/msword", Ole),
        new("Excel 97-2003", [".xls"], "application/vnd.ms-excel", Ole),
    ];

    /// <summary>The bytes of the content the checks need to see.</summary>
    public static int HeaderLength => All.Max(k => k.Signature.Length);

    public static string AllowedExtensions => string.Join(", ", All.SelectMany(k => k.Extensions));

    public static FileKind? ByName(string fileName) =>
        All.FirstOrDefault(k => k.Extensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The name a file keeps: the last part of what the browser sent (some send a whole path), trimmed.</summary>
    public static string CleanName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        return name[(name.LastIndexOf('/') + 1)..].Trim();
    }

    /// <summary>What is wrong with the name alone, before any content is read.</summary>
    public static IEnumerable<Violation> CheckName(string name)
    {
        if (name.Length == 0)
            yield return new(Field, "Tệp không có tên; chọn lại tệp.");
        else if (name.Length > MaxNameLength)
            yield return new(Field, $"Tên tệp dài {name.Length} ký tự, tối đa {MaxNameLength}; đổi tên tệp rồi tải lại.");
        else if (name.Any(char.IsControl))
            yield return new(Field, "Tên tệp không được chứa xuống dòng, tab hay ký tự điều khiển.");
        else if (ByName(name) is null)
            yield return new(Field, $"Tệp «{name}» không thuộc loại được đính kèm: chỉ nhận PDF, ảnh PNG/JPEG, Word, Excel ({AllowedExtensions}).");
    }

    /// <summary>What is wrong with the size alone: nothing in it, or more than the limit.</summary>
    public static IReadOnlyList<Violation> CheckSize(string name, long size, long maxBytes) =>
        size == 0 ? [new(Field, $"Tệp «{name}» rỗng (0 byte); chọn đúng tệp cần đính kèm.")]
        : size > maxBytes ? [new(Field, $"Tệp «{name}» nặng {Megabytes(size)}, vượt giới hạn {Megabytes(maxBytes)} mỗi tệp.")]
        : [];

    /// <summary>What is wrong with the content: empty, over the limit, or not what the name says.</summary>
    public static IReadOnlyList<Violation> CheckContent(string name, long size, ReadOnlySpan<byte> header, long maxBytes)
    {
        if (CheckSize(name, size, maxBytes) is { Count: > 0 } sizeProblems) return sizeProblems;
        if (ByName(name) is { } kind && !header.StartsWith(kind.Signature))
            return [new(Field, $"Nội dung tệp «{name}» không phải {kind.Name} như đuôi tên tệp cho biết; tệp có thể bị đổi tên hoặc hỏng.")];
        return [];
    }

    /// <summary>A size as people read it: "20 MB", "1,5 MB", "312 KB".</summary>
    public static string Megabytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB").Replace('.', ',')
        : $"{Math.Max(1, (bytes + 1023) / 1024)} KB";

    /// <summary>Whether <paramref name="text"/> is a SHA-256 as files are addressed: 64 lowercase hex digits.</summary>
    public static bool IsSha256(string? text) => text is { Length: 64 } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
