using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Proposals;

namespace Workflow.Api.Features.Search;

/// <summary>
/// What a person typed to find a dossier: a code (<c>ĐX-2026-0007</c>, <c>gn 2026 12</c>), found by its index in every
/// unit the caller sees, or words, each of which the proposal's folded code and title must contain
/// (<see cref="SearchKey"/>) — a disbursement or settlement is found by its own code or by its proposal's words.
/// </summary>
public sealed record DossierSearch(string Text, string? CodeKind, string? Code, IReadOnlyList<string> Words)
{
    public const int MaxLength = 200;

    /// <summary>The search in <paramref name="text"/>, or null when there is none; a 400 naming <paramref name="field"/> when it is too long.</summary>
    public static DossierSearch? Parse(string? text, string field = "q")
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.Length > MaxLength)
            throw new ValidationFailedException(field, $"Từ khóa tìm kiếm dài {text.Length} ký tự, tối đa {MaxLength}.");
        if (DossierCode.Parse(text) is { } code) return new DossierSearch(text.Trim(), code.Kind, code.Code, []);
        var words = SearchKey.Words(text);
        return words.Count == 0 ? null : new DossierSearch(text.Trim(), null, null, words);
    }

    /// <summary>A page's search box: what is beyond the longest search is left off rather than refused.</summary>
    public static DossierSearch? FromBox(string? text) => Parse(text is { Length: > MaxLength } ? text[..MaxLength] : text);

    /// <summary>The proposals this search finds: by code when it is a proposal's, else by every word.</summary>
    public IQueryable<Proposal> Proposals(IQueryable<Proposal> proposals)
    {
        if (Code is not null) return CodeKind == DossierCode.Proposal ? proposals.Where(p => p.Code == Code) : proposals.Where(p => false);
        foreach (var word in Words)
        {
            var pattern = Contains(word);
            proposals = proposals.Where(p => EF.Functions.Like(p.SearchKey, pattern, Escape));
        }
        return proposals;
    }

    /// <summary>
    /// Whether the proposals a disbursement or settlement belongs to are narrowed by this search (words, or a proposal's
    /// code) — otherwise the dossier's own code (<paramref name="kind"/>) decides, or nothing matches.
    /// </summary>
    public bool NarrowsProposals => Code is null || CodeKind == DossierCode.Proposal;

    /// <summary>The dossier code a disbursement or settlement list matches directly, or "" when the search is not such a code.</summary>
    public string OwnCode(string kind) => CodeKind == kind ? Code! : "";

    private const string Escape = "\\";

    private static string Contains(string word) =>
        "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
