using MimeKit;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Notifications;

/// <summary>
/// The real SMTP server the test command starts (scripts/servers/smtp.sh: Debian's aiosmtpd on a loopback port, every
/// message it accepts a file in a maildir): <c>WORKFLOW_TEST_SMTP</c> (127.0.0.1:PORT) and <c>WORKFLOW_TEST_MAILDIR</c>.
/// </summary>
public static class SmtpServer
{
    public static string? Address => Environment.GetEnvironmentVariable("WORKFLOW_TEST_SMTP");
    public static string? Maildir => Environment.GetEnvironmentVariable("WORKFLOW_TEST_MAILDIR");

    public const string Missing = "No SMTP server: WORKFLOW_TEST_SMTP and WORKFLOW_TEST_MAILDIR are set by scripts/test.sh, which starts one "
                                  + "(scripts/servers/smtp.sh; by hand: source scripts/servers/exit-steps.sh scripts/servers/smtp.sh; smtp_install; smtp_start).";

    public static bool IsSet => !string.IsNullOrEmpty(Address) && !string.IsNullOrEmpty(Maildir);

    /// <summary>The settings that send a server's e-mail to this SMTP server, links under <paramref name="publicBaseUrl"/>.</summary>
    public static Dictionary<string, string> Settings(string publicBaseUrl)
    {
        var (host, port) = IsSet ? (Address![..Address!.LastIndexOf(':')], Address![(Address!.LastIndexOf(':') + 1)..]) : ("127.0.0.1", "25");
        return new()
        {
            ["Mail:Enabled"] = "true", ["Mail:Host"] = host, ["Mail:Port"] = port, ["Mail:UseTls"] = "false",
            ["Mail:From"] = "thongbao@giamngheo.example.vn", ["App:PublicBaseUrl"] = publicBaseUrl,
        };
    }

    /// <summary>The messages the server accepted for <paramref name="recipient"/> (the envelope's recipient, as aiosmtpd records it in X-RcptTo).</summary>
    public static List<MimeMessage> MessagesTo(string recipient)
    {
        var folder = Path.Combine(Maildir!, "new");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder).Select(f => MimeMessage.Load(f))
            .Where(m => m.Headers.Any(h => h.Field == "X-RcptTo" && h.Value.Split(',').Any(r => r.Trim() == recipient)))
            .ToList();
    }
}

/// <summary>A test that reads back what the real SMTP server received; skipped, saying why, only when run outside the test command without one.</summary>
public sealed class SmtpFactAttribute : FactAttribute
{
    public SmtpFactAttribute()
    {
        if (!SmtpServer.IsSet) Skip = SmtpServer.Missing;
    }
}

/// <summary>One server with e-mail on, sending to the test command's SMTP server, on the 2026 Tân Khai data (2 March 2026, 09:00).</summary>
public sealed class MailFixture : IDisposable
{
    public const string PublicBaseUrl = "https://giamngheo.example.vn";

    public TestDatabase Database { get; } = TestDatabase.Create("mail");

    public RuntimeFactory Factory { get; }

    public MailFixture() => Factory = new RuntimeFactory(Database, RuntimeFactory.ShippedWorkflows,
        new ManualClock(Lifecycle.CommuneFixture.Start), SmtpServer.Settings(PublicBaseUrl));

    public void Dispose()
    {
        Factory.Dispose();
        Database.Dispose();
    }
}
