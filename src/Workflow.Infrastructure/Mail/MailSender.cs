using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Mail;

/// <summary>
/// Sends the e-mails the notification consumer queued, over SMTP, outside any request. Each server claims a batch by a
/// conditional update — its own node name and an expiry — so two servers never send the same e-mail; an e-mail is
/// marked sent the moment the server accepted it. A failure is logged and the e-mail tried again later, each wait
/// twice the last (<see cref="MailOptions.RetryDelayAfter"/>), until <see cref="MailOptions.MaxAttempts"/>; then it is
/// given up and the notice stays in the app. The one case an e-mail goes out twice is a server that dies between the
/// mail server's acceptance and the mark.
/// </summary>
public sealed class MailSender(WorkflowDbContext db, MailOptions options, TimeProvider clock, ILogger<MailSender> logger)
{
    public string Node { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <returns>How many e-mails this call sent.</returns>
    public async Task<int> SendPendingAsync(int batch = 20, CancellationToken ct = default)
    {
        var claimed = await ClaimAsync(batch, ct);
        if (claimed.Count == 0) return 0;

        // stop well before the claims run out, so no other server takes an e-mail this one is still sending
        using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
        window.CancelAfter(options.ClaimDuration / 2);
        var sent = 0;
        using var smtp = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, (options.ClaimDuration / 4).TotalMilliseconds) };
        var pending = new Queue<OutgoingMail>(claimed);
        try
        {
            await ConnectAsync(smtp, window.Token);
            while (pending.TryPeek(out var mail))
            {
                await smtp.SendAsync(MessageOf(mail), window.Token);
                pending.Dequeue();
                await MarkSentAsync(mail.Id);
                sent++;
            }
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // the e-mail being sent failed, or the connection did: it and those after it are tried again later
            var error = window.IsCancellationRequested ? "Sending took longer than half the claim." : $"{e.GetType().Name}: {e.Message}";
            foreach (var mail in pending) await FailAsync(mail, error, e);
        }
        return sent;
    }

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken ct)
    {
        var security = !options.UseTls ? SecureSocketOptions.None
            : options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await smtp.ConnectAsync(options.Host, options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.UserName))
            await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
    }

    private MimeMessage MessageOf(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        // the e-mail's id is the queued row's: a server that re-sends after a crash sends the same message, which mail servers can recognise
        message.MessageId = $"{mail.Id:N}@workflow";
        message.Date = mail.CreatedAt;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Body };
        return message;
    }

    private async Task<List<OutgoingMail>> ClaimAsync(int batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = await db.OutgoingMail.AsNoTracking()
            .Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(batch).ToListAsync(ct);
        if (ids.Count == 0) return [];
        // whole milliseconds, which every database stores exactly: the claim is read back by it
        var until = now + options.ClaimDuration;
        until = new DateTimeOffset(until.UtcTicks - until.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var node = Node;
        var claimed = await db.OutgoingMail
            .Where(m => ids.Contains(m.Id) && m.SentAt == null && m.GaveUpAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, node).SetProperty(m => m.ClaimedUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (claimed == 0) return [];
        return await db.OutgoingMail.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.ClaimedBy == node && m.ClaimedUntil == until && m.SentAt == null)
            .OrderBy(m => m.NextAttemptAt).ToListAsync(ct);
    }

    private Task MarkSentAsync(Guid id)
    {
        var node = Node;
        return db.OutgoingMail.Where(m => m.Id == id && m.ClaimedBy == node)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, clock.GetUtcNow()).SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    private async Task FailAsync(OutgoingMail mail, string error, Exception e)
    {
        var now = clock.GetUtcNow();
        var node = Node;
        error = error.Length > 1000 ? error[..1000] : error;
        if (mail.Attempts >= options.MaxAttempts)
        {
            logger.LogError(e, "E-mail {MailId} to {To} failed {Attempts} times and is given up; the notice stays in the app", mail.Id, mail.To, mail.Attempts);
            await db.OutgoingMail.Where(m => m.Id == mail.Id && m.ClaimedBy == node)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.GaveUpAt, now).SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
            return;
        }
        var next = now + options.RetryDelayAfter(mail.Attempts);
        logger.LogWarning(e, "E-mail {MailId} to {To} failed (attempt {Attempts}); it is tried again at {NextAttemptAt:O}", mail.Id, mail.To, mail.Attempts, next);
        await db.OutgoingMail.Where(m => m.Id == mail.Id && m.ClaimedBy == node)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }
}

/// <summary>Runs the mail sender on every server while e-mail is on.</summary>
public sealed class MailDispatcher(IServiceScopeFactory scopes, MailOptions options, ILogger<MailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<MailSender>().SendPendingAsync(ct: stoppingToken) > 0) continue; // more may be waiting
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Sending e-mail failed; retrying");
            }
            try { await Task.Delay(options.PollInterval, stoppingToken); } catch (OperationCanceledException) { }
        }
    }
}
