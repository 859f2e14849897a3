using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workflow.Domain.Catalog;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;

namespace Workflow.Infrastructure.Persistence;

/// <summary>
/// How values that are not one column are stored: per-source money as four integer columns (an EF complex type, so
/// the column names stay those the schema always had), and lists as JSON text. Readers of the JSON columns still
/// accept the packed text rows written before the lists became JSON.
/// </summary>
internal static class ColumnMappings
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // converters and comparers call these rather than name the options: the compiled model (Persistence/CompiledModels)
    // is generated from their expression trees, and generated code can call a method of this class but not read its field
    internal static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    internal static T FromJson<T>(string text) => JsonSerializer.Deserialize<T>(text, Json)!;

    /// <summary>Maps a <see cref="SourceAmounts"/> property to the columns <c>{prefix}Central</c> … <c>{prefix}Commune</c>.</summary>
    public static void MapSourceAmounts<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, SourceAmounts?>> property, string prefix = "")
        where T : class =>
        builder.ComplexProperty(property, c =>
        {
            c.IsRequired();
            c.Property(a => a.Central).HasColumnName(prefix + nameof(SourceAmounts.Central));
            c.Property(a => a.Provincial).HasColumnName(prefix + nameof(SourceAmounts.Provincial));
            c.Property(a => a.District).HasColumnName(prefix + nameof(SourceAmounts.District));
            c.Property(a => a.Commune).HasColumnName(prefix + nameof(SourceAmounts.Commune));
        });

    public static PropertyBuilder<IReadOnlyList<string>> AsJsonList(this PropertyBuilder<IReadOnlyList<string>> property) =>
        property.HasConversion(new ValueConverter<IReadOnlyList<string>, string>(
                v => ToJson(v), v => ReadStrings(v)),
            ListComparer<string>());

    public static PropertyBuilder<IReadOnlyList<Attachment>> AsJsonList(this PropertyBuilder<IReadOnlyList<Attachment>> property) =>
        property.HasConversion(new ValueConverter<IReadOnlyList<Attachment>, string>(
                v => ToJson(v), v => ReadAttachments(v)),
            ListComparer<Attachment>());

    public static PropertyBuilder<IReadOnlyDictionary<FundingSource, decimal>> AsJsonRates(this PropertyBuilder<IReadOnlyDictionary<FundingSource, decimal>> property) =>
        property.HasConversion(new ValueConverter<IReadOnlyDictionary<FundingSource, decimal>, string>(
                v => ToJson(v), v => ReadRates(v)),
            new ValueComparer<IReadOnlyDictionary<FundingSource, decimal>>(
                (a, b) => a!.Count == b!.Count && a.All(kv => b.ContainsKey(kv.Key) && b[kv.Key] == kv.Value),
                v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                v => v.ToDictionary(kv => kv.Key, kv => kv.Value)));

    public static PropertyBuilder<SupportPolicy> AsJson(this PropertyBuilder<SupportPolicy> property) =>
        property.HasConversion(new ValueConverter<SupportPolicy, string>(
                v => ToJson(v), v => FromJson<SupportPolicy>(v)),
            new ValueComparer<SupportPolicy>(
                (a, b) => ToJson(a) == ToJson(b),
                v => ToJson(v).GetHashCode(),
                v => FromJson<SupportPolicy>(ToJson(v))));

    /// <summary>A value object stored as one JSON column (camelCase, enums by name); compared by its JSON.</summary>
    public static PropertyBuilder<T> AsJsonDocument<T>(this PropertyBuilder<T> property) where T : class? =>
        property.HasConversion(new ValueConverter<T, string>(
                v => ToJson(v), v => FromJson<T>(v)),
            new ValueComparer<T>(
                (a, b) => ToJson(a) == ToJson(b),
                v => ToJson(v).GetHashCode(),
                v => FromJson<T>(ToJson(v))));

    private static ValueComparer<IReadOnlyList<TItem>> ListComparer<TItem>() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, item) => HashCode.Combine(h, item)),
        v => v.ToList());

    internal static IReadOnlyList<string> ReadStrings(string text) =>
        IsJson(text) ? JsonSerializer.Deserialize<List<string>>(text, Json)!
            // before JSON: codes joined by commas
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries);

    internal static IReadOnlyList<Attachment> ReadAttachments(string text) =>
        IsJson(text) ? JsonSerializer.Deserialize<List<Attachment>>(text, Json)!
            // before JSON: one "sha256<TAB>name" per line
            : text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t', 2))
                .Select(parts => new Attachment(parts.Length > 1 ? parts[1] : "", parts[0]))
                .ToList();

    internal static IReadOnlyDictionary<FundingSource, decimal> ReadRates(string text) =>
        IsJson(text) ? JsonSerializer.Deserialize<Dictionary<FundingSource, decimal>>(text, Json)!
            // before JSON: "Provincial=0.05;District=0.1"
            : text.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .Where(p => p.Length == 2 && Enum.TryParse<FundingSource>(p[0], out _))
                .ToDictionary(p => Enum.Parse<FundingSource>(p[0]), p => decimal.Parse(p[1], CultureInfo.InvariantCulture));

    private static bool IsJson(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('[') || trimmed.StartsWith('{');
    }
}
