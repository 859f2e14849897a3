namespace Workflow.Infrastructure.Idempotency;

/// <summary>Settings of <c>Idempotency-Key</c> (section <c>Api</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Api";

    /// <summary>How long a key is remembered: a repeat within it gets the first answer; after it the key is new again.</summary>
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a running request holds its key before another request with the key may take it over — the first one's
    /// server having died. Taking over is safe even if that request still runs: its answer, and with it its effect, can
    /// then no longer commit.
    /// </summary>
    public TimeSpan IdempotencyClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    public static IdempotencyOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = new IdempotencyOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(Section), options);
        if (options.IdempotencyKeyLifetime <= TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}:{nameof(IdempotencyKeyLifetime)} must be a positive duration (for example 1.00:00:00, a day).");
        if (options.IdempotencyClaimDuration <= TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}:{nameof(IdempotencyClaimDuration)} must be a positive duration (for example 00:02:00).");
        return options;
    }
}
