using System.Net.Mail;
using Microsoft.Extensions.Configuration;

namespace Workflow.Infrastructure.Mail;

/// <summary>
/// E-mail delivery of notices over SMTP (section <c>Mail</c>), off unless <c>Mail:Enabled</c> is true. The password is
/// never written in <c>appsettings*.json</c>: give it as the environment variable <c>Mail__Password</c> or a user secret.
/// The links in an e-mail start with <c>App:PublicBaseUrl</c>, the address people open the web app at.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public bool Enabled { get; init; }
    public string Host { get; init; } = "";
    public int Port { get; init; } = 587;

    /// <summary>The sender's address (<c>thongbao@so-nnmt.dongnai.gov.vn</c>).</summary>
    public string From { get; init; } = "";

    /// <summary>The sender's name as mail readers show it.</summary>
    public string FromName { get; init; } = "Hệ thống quản lý vốn giảm nghèo";

    /// <summary>Signs in to the server when set (with <see cref="Password"/>).</summary>
    public string? UserName { get; init; }
    public string? Password { get; init; }

    /// <summary>Encrypts the connection: TLS from the first byte on port 465, STARTTLS otherwise. Off only for a server on the same machine or network.</summary>
    public bool UseTls { get; init; } = true;

    /// <summary><c>App:PublicBaseUrl</c>: where people open the web app (<c>https://giamngheo.dongnai.gov.vn</c>), for the link in each e-mail.</summary>
    public string PublicBaseUrl { get; init; } = "";

    /// <summary>How often each server looks for e-mail to send.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a server holds the e-mails it took before another server may take them over.</summary>
    public TimeSpan ClaimDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first failed attempt; each later failure doubles it, up to <see cref="LongestRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan LongestRetryDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before an e-mail is given up (the notice in the app stays): about a day with the defaults.</summary>
    public int MaxAttempts { get; init; } = 30;

    /// <summary>The link to a dossier's page: the public base URL and the page's path.</summary>
    public string LinkTo(string pagePath) => PublicBaseUrl.TrimEnd('/') + pagePath;

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1, after <paramref name="attempts"/> failed ones.</summary>
    public TimeSpan RetryDelayAfter(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var delay = FirstRetryDelay * Math.Pow(2, doublings);
        return delay < LongestRetryDelay ? delay : LongestRetryDelay;
    }

    /// <summary>Reads <c>Mail</c> and <c>App:PublicBaseUrl</c>; when e-mail is on, a setting it cannot work without stops the start with its name.</summary>
    public static MailOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var options = new MailOptions { PublicBaseUrl = configuration["App:PublicBaseUrl"] ?? "" };
        section.Bind(options);
        if (!options.Enabled) return options;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host)) problems.Add($"{Section}:Host names no SMTP server");
        if (options.Port is < 1 or > 65535) problems.Add($"{Section}:Port {options.Port} is not a port");
        if (!IsAddress(options.From)) problems.Add($"{Section}:From '{options.From}' is not an e-mail address");
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            problems.Add($"App:PublicBaseUrl '{options.PublicBaseUrl}' is not an http(s) address (the links in e-mails start with it)");
        if (!string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password))
            problems.Add($"{Section}:UserName is set without {Section}:Password (give it as the environment variable Mail__Password)");
        if (options.MaxAttempts < 1) problems.Add($"{Section}:MaxAttempts must be at least 1");
        if (PasswordWrittenInSettingsFile(configuration) is { } file)
            problems.Add($"{Section}:Password is written in {file}; give it as the environment variable Mail__Password or a user secret instead");
        if (problems.Count > 0)
            throw new InvalidOperationException("E-mail is enabled (Mail:Enabled) but cannot be sent: " + string.Join("; ", problems) + ".");
        return options;
    }

    /// <summary>The settings file (<c>appsettings*.json</c>, which is deployed and kept in source control) that holds the SMTP password, if one does.</summary>
    private static string? PasswordWrittenInSettingsFile(IConfiguration configuration) =>
        configuration is not IConfigurationRoot root ? null
            : root.Providers.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider>()
                .FirstOrDefault(p => p.Source.Path is { } path && Path.GetFileName(path).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
                                     && p.TryGet($"{Section}:Password", out var value) && !string.IsNullOrEmpty(value))
                ?.Source.Path;

    /// <summary>A plain address, as a person's e-mail is written: <c>ten@co-quan.gov.vn</c> (no display name, no list).</summary>
    public static bool IsAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 256 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return false;
        if (!MailAddress.TryCreate(value, out var address) || address.Address != value) return false;
        var at = value.LastIndexOf('@');
        return at > 0 && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.');
    }
}
