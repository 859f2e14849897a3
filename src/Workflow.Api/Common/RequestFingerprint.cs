using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Api.Common;

/// <summary>
/// The hash that says whether a repeat is the same request: SHA-256 of the method, the path and query, the caller's
/// user id and the body. The body counts as its bytes, except a form (multipart or urlencoded), which counts as its
/// fields and files: a multipart boundary is chosen anew on every send, so the same form re-sent has other bytes.
/// </summary>
public static class RequestFingerprint
{
    public static async Task<string> OfAsync(HttpRequest request, Guid userId, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, request.Method);
        Append(hash, request.PathBase + request.Path + request.QueryString);
        Append(hash, userId.ToString());
        if (request.HasFormContentType)
        {
            // read once here and kept by the request: the endpoint or page binds from the same form
            var form = await request.ReadFormAsync(ct);
            foreach (var (name, values) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                Append(hash, name);
                Append(hash, values.Count.ToString());
                foreach (var value in values) Append(hash, value ?? "");
            }
            foreach (var file in form.Files)
            {
                Append(hash, file.Name);
                Append(hash, file.FileName);
                Append(hash, file.ContentType ?? "");
                Append(hash, file.Length.ToString());
                await using var content = file.OpenReadStream();
                await AppendAsync(hash, content, ct);
            }
        }
        else
        {
            // kept so that the endpoint reads the body again from its start
            request.EnableBuffering();
            await AppendAsync(hash, request.Body, ct);
            request.Body.Position = 0;
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Length first, so that no two different sequences of parts hash alike.</summary>
    private static void Append(IncrementalHash hash, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }

    private static async Task AppendAsync(IncrementalHash hash, Stream content, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(), ct)) > 0) hash.AppendData(buffer, 0, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
