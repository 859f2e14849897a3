using System.Security.Cryptography;
using Workflow.Domain.Files;

namespace Workflow.Infrastructure.Files;

/// <summary>How a stored file compares with the hash it is kept under.</summary>
public enum StoredFileCondition { Intact, Missing, Altered }

/// <summary>
/// The files attached to dossiers, each kept once under the SHA-256 of its content (<c>ab/abcdef…</c> below
/// <see cref="AttachmentOptions.Root"/>). A file is written whole to <c>.incoming/</c> in the same folder, flushed to
/// disk, then moved to its address in one rename: a reader, another server or a crash never meets half a file at an
/// address. Content that is already there is not written again.
/// </summary>
public sealed class FileStore(AttachmentOptions options)
{
    private const string IncomingFolder = ".incoming";

    public string Root { get; } = options.ResolveRoot();

    public string PathOf(string sha256) =>
        FileKinds.IsSha256(sha256) ? Path.Combine(Root, sha256[..2], sha256) : throw new ArgumentException($"'{sha256}' is not a SHA-256.", nameof(sha256));

    /// <summary>
    /// Reads <paramref name="content"/> into a file of its own while hashing it. Nothing is at an address yet: the caller
    /// checks what came in, then <see cref="IncomingFile.KeepAsync"/> stores it, or disposing throws it away.
    /// </summary>
    /// <exception cref="FileTooLargeException">More than <paramref name="maxBytes"/> came in (the rest is not read).</exception>
    public async Task<IncomingFile> ReceiveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var incoming = Path.Combine(Root, IncomingFolder);
        Directory.CreateDirectory(incoming);
        var temp = Path.Combine(incoming, $"{Guid.NewGuid():N}.part");
        var header = new byte[FileKinds.HeaderLength];
        var headerLength = 0;
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes) throw new FileTooLargeException(maxBytes);
                    if (headerLength < header.Length)
                    {
                        var take = Math.Min(read, header.Length - headerLength);
                        Array.Copy(buffer, 0, header, headerLength, take);
                        headerLength += take;
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                // on disk before it is given an address: a crash after the rename must not leave an empty file there
                file.Flush(flushToDisk: true);
            }
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        return new IncomingFile(this, temp, Convert.ToHexStringLower(hash.GetHashAndReset()), size, header[..headerLength]);
    }

    /// <summary>Moves a received file to its address, unless the same content is already there intact.</summary>
    internal async Task KeepAsync(string temp, string sha256, CancellationToken ct)
    {
        var target = PathOf(sha256);
        if (await ConditionAsync(sha256, ct) == StoredFileCondition.Intact)
        {
            TryDelete(temp);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // a missing file is put in place; an altered one is replaced by the content its address promises. Two servers
        // storing the same content at once both move whole files with the same bytes: either rename leaves it right.
        File.Move(temp, target, overwrite: true);
    }

    /// <summary>The stored content to read, or null when nothing is at its address.</summary>
    public Stream? OpenRead(string sha256)
    {
        try
        {
            return new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes the content at an address (the retention policy's purge); nothing there is not an error.</summary>
    public void Delete(string sha256)
    {
        try
        {
            File.Delete(PathOf(sha256));
        }
        catch (DirectoryNotFoundException)
        {
            // never stored here, or its folder already went
        }
    }

    /// <summary>Reads the stored file again and compares its hash with its address.</summary>
    public async Task<StoredFileCondition> ConditionAsync(string sha256, CancellationToken ct)
    {
        await using var stream = OpenRead(sha256);
        if (stream is null) return StoredFileCondition.Missing;
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        return actual == sha256 ? StoredFileCondition.Intact : StoredFileCondition.Altered;
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // a leftover in .incoming is harmless: nothing refers to it (docs/operations.md says when to clear the folder)
        }
    }
}

/// <summary>A file received but not yet stored: its hash, size and first bytes, for the checks before it is kept.</summary>
public sealed class IncomingFile(FileStore store, string temp, string sha256, long size, byte[] header) : IAsyncDisposable
{
    private bool _kept;

    public string Sha256 { get; } = sha256;
    public long Size { get; } = size;
    public byte[] Header { get; } = header;

    public async Task KeepAsync(CancellationToken ct)
    {
        await store.KeepAsync(temp, Sha256, ct);
        _kept = true;
    }

    public ValueTask DisposeAsync()
    {
        if (!_kept) FileStore.TryDelete(temp);
        return ValueTask.CompletedTask;
    }
}

/// <summary>An upload that turned out larger than the limit while it was read.</summary>
public sealed class FileTooLargeException(long maxBytes) : Exception($"The file is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
