using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Workflow.Domain.Catalog;

namespace Workflow.Api.Features.Plans;

// The plan file (docs/plan-file.md) as the OpenAPI document shows it. Documentation only: the endpoints read the
// raw body with PlanFile, which reports every structural problem by JSON path; nothing binds these types.

/// <summary>A plan file: what <c>POST /api/plans/import</c> takes and <c>GET /api/plans/{id}/export</c> gives back.</summary>
public record PlanFileSchema(
    [property: Required, Range(2021, 2035)] int FiscalYear,
    [property: Required] PlanFileUnit Unit,
    PlanFileDecision? Decision,
    PlanFileCounterpart? Counterpart,
    [property: Required, MinLength(1)] IReadOnlyList<PlanFileLine> Lines,
    [property: Required] PlanFileAmounts Totals);

/// <summary>A revision: the whole plan file again, with an optional reason.</summary>
public sealed record PlanRevisionSchema(
    int FiscalYear, PlanFileUnit Unit, PlanFileDecision? Decision, PlanFileCounterpart? Counterpart,
    IReadOnlyList<PlanFileLine> Lines, PlanFileAmounts Totals,
    [property: MaxLength(1024)] string? Reason)
    : PlanFileSchema(FiscalYear, Unit, Decision, Counterpart, Lines, Totals);

/// <summary>The issuing unit, with its parents up to the province.</summary>
public sealed record PlanFileUnit(
    [property: Required] string Code,
    [property: Required] string Name,
    [property: Required] AdminLevel Level,
    PlanFileUnit? Parent);

/// <summary>The decision that adopted the plan; any field may be null.</summary>
public sealed record PlanFileDecision(string? Number, DateOnly? Date, string? Issuer, string? Title, string? Basis);

/// <summary>The counterpart terms the plan applies; when absent, the province's policy for the year.</summary>
public sealed record PlanFileCounterpart(
    [property: Required] decimal MinimumLocalRate,
    [property: Required] PlanFileRates Rates,
    [property: Required] long RoundingUnit);

/// <summary>The rate of each local source, as a fraction of the central amount.</summary>
public sealed record PlanFileRates(
    [property: JsonPropertyName("Provincial")] decimal? Provincial,
    [property: JsonPropertyName("District")] decimal? District,
    [property: JsonPropertyName("Commune")] decimal? Commune);

/// <summary>One line: a catalogue component (DA2, DA3.1, …), its lead agency and its amounts per source.</summary>
public sealed record PlanFileLine(
    [property: Required] string Component,
    [property: Required] string LeadAgency,
    [property: Required] PlanFileAmounts Amounts);

/// <summary>Whole đồng per funding source; a source left out is zero.</summary>
public sealed record PlanFileAmounts(
    [property: JsonPropertyName("Central")] long? Central,
    [property: JsonPropertyName("Provincial")] long? Provincial,
    [property: JsonPropertyName("District")] long? District,
    [property: JsonPropertyName("Commune")] long? Commune);
