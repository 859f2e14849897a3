using System.Globalization;
using System.Text;
using System.Text.Json;
using Workflow.Domain.Money;

namespace Workflow.Domain.Audit;

/// <summary>
/// The one text form of named values that seals and digests are computed over: one <c>name=value</c> line per field, in
/// the order added, every text value JSON-quoted so a line break or an equals sign inside a value cannot pass for
/// another field. Equal values always give equal text, on every machine and culture.
/// </summary>
public sealed class CanonicalFields
{
    private readonly StringBuilder _text = new();

    public CanonicalFields Add(string name, string? value) => Line(name, value is null ? "null" : JsonSerializer.Serialize(value));

    public CanonicalFields Add(string name, long value) => Line(name, value.ToString(CultureInfo.InvariantCulture));

    public CanonicalFields Add(string name, long? value) => Line(name, value?.ToString(CultureInfo.InvariantCulture) ?? "null");

    public CanonicalFields Add(string name, bool value) => Line(name, value ? "true" : "false");

    public CanonicalFields Add(string name, Guid value) => Line(name, value.ToString("D"));

    public CanonicalFields Add(string name, Guid? value) => Line(name, value?.ToString("D") ?? "null");

    public CanonicalFields Add(string name, DateOnly? value) => Line(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null");

    /// <summary>A moment as UTC ticks: the database keeps it so, and the offset it was written with does not matter.</summary>
    public CanonicalFields Add(string name, DateTimeOffset value) => Line(name, value.UtcTicks.ToString(CultureInfo.InvariantCulture));

    public CanonicalFields Add(string name, SourceAmounts value) =>
        Add(name + ".Central", value.Central).Add(name + ".Provincial", value.Provincial)
            .Add(name + ".District", value.District).Add(name + ".Commune", value.Commune);

    public CanonicalFields Add(string name, IEnumerable<string> values) => Add(name, JsonSerializer.Serialize(values));

    /// <summary>
    /// Outputs per indicator, in the order entered; nothing at all when there are none, so the text of a record written
    /// before outputs were counted (and its journal's seals) stays what it was.
    /// </summary>
    public CanonicalFields AddOutputs(string name, IReadOnlyList<Monitoring.Indicators.OutputQuantity> outputs) =>
        outputs.Count == 0 ? this : Add(name, outputs.Select(o => o.Indicator + "=" + o.Quantity.ToString(CultureInfo.InvariantCulture)));

    public override string ToString() => _text.ToString();

    private CanonicalFields Line(string name, string value)
    {
        _text.Append(name).Append('=').Append(value).Append('\n');
        return this;
    }
}
