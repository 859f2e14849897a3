using System.IO.Compression;

namespace Workflow.Api.Features.Plans;

/// <summary>
/// What an uploaded .xlsx may unpack to before anything parses it. The upload is capped at a few MiB, but a zip package
/// can expand a thousandfold (a "zip bomb"); a real plan or opening-position workbook unpacks to well under a MiB.
/// </summary>
public static class WorkbookPackage
{
    public const long MaxUnpackedBytes = 64L * 1024 * 1024;
    public const int MaxEntries = 2_000;

    /// <summary>The parser's own limit per part, in characters: the same bound, enforced while reading.</summary>
    public const long MaxCharactersInPart = MaxUnpackedBytes / 2;

    /// <summary>Null when the package's declared sizes are within the limits (or it is not a zip: the reader says so); else why not.</summary>
    public static string? TooLarge(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
                return $"Tệp có {zip.Entries.Count} phần, nhiều hơn mức {MaxEntries} của một sổ tính kế hoạch.";
            var unpacked = zip.Entries.Sum(e => e.Length);
            return unpacked > MaxUnpackedBytes
                ? $"Tệp giải nén ra {unpacked / 1024 / 1024} MiB, quá mức {MaxUnpackedBytes / 1024 / 1024} MiB của một sổ tính kế hoạch."
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
