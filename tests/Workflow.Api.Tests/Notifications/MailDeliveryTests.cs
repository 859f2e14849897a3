using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workflow.Api.Tests.Admin;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;
using Workflow.Infrastructure.Mail;

namespace Workflow.Api.Tests.Notifications;

/// <summary>What the administrator sets and the submission that follows, shared by the e-mail tests.</summary>
internal static class MailStory
{
    /// <summary>The province's administrator gives a person an e-mail address of this test's own, so the shared mail server's other messages never match.</summary>
    public static async Task<string> GiveAddressAsync(Session s, string userName)
    {
        var admin = await s.As("dn.quantri");
        var person = (await admin.GetJsonAsync($"/api/admin/users?userName={userName}"))["items"]!.AsArray().Single()!;
        var address = $"{userName.Replace('.', '-')}-{Guid.NewGuid():N}"[..40] + "@tankhai.example.vn";
        var updated = await admin.PutAsJsonAsync($"/api/admin/users/{person["id"]}", new
        {
            displayName = (string?)person["displayName"], position = (string?)person["position"], agencyCode = (string?)person["agencyCode"],
            roles = person["roles"]!.AsArray().Select(r => (string)r!).ToArray(), email = address,
        }).OkAsync();
        Assert.Equal(address, (string?)updated["email"]);
        return address;
    }

    public static async Task<(Guid Id, string Code)> SubmittedAsync(Session s, long stateSupport, string title)
    {
        var clerk = await s.As("tk.nongnghiep");
        var line = await CommuneStoryTests.LineAsync(clerk, "DA3.1");
        var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, stateSupport, title));
        await clerk.ActOkAsync("proposals", id, "submit");
        return (id, (string)(await clerk.GetProposalAsync(id))["code"]!);
    }

    public static Task<int> SendPendingAsync(this RuntimeFactory factory) =>
        factory.InScopeAsync(s => s.GetRequiredService<MailSender>().SendPendingAsync(100));

    public static Task<OutgoingMail> QueuedToAsync(this RuntimeFactory factory, string address) =>
        factory.DbAsync(db => db.OutgoingMail.AsNoTracking().SingleAsync(m => m.To == address));
}

/// <summary>
/// Notices by e-mail, sent to a real SMTP server (Debian's aiosmtpd, started by the test command) and read back as it
/// received them: the recipient, a Vietnamese subject and text naming the dossier, the amount, the deadline and a link.
/// </summary>
public sealed class MailDeliveryTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    [SmtpFact]
    public async Task Send_WhenAProposalIsSubmitted_TheFinanceOfficerReceivesOneEmailNamingTheDossierAmountDeadlineAndLink()
    {
        using var s = new Session(fixture.Factory);
        var address = await MailStory.GiveAddressAsync(s, "tk.kinhte");
        var (id, code) = await MailStory.SubmittedAsync(s, 92_000_000, "Mô hình trồng cây ăn quả xã Tân Khai");
        var finance = await s.As("tk.kinhte");
        var task = (await finance.GetJsonAsync("/api/tasks?pageSize=100"))["items"]!.AsArray().Single(t => (string?)t!["subjectId"] == id.ToString())!;
        await fixture.Factory.NoticeAsync(finance, n => n.About(id));

        Assert.True(await fixture.Factory.SendPendingAsync() >= 1);

        var mail = Assert.Single(SmtpServer.MessagesTo(address));
        Assert.Equal(address, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("thongbao@giamngheo.example.vn", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Contains(code, mail.Subject);
        Assert.Contains("Mô hình trồng cây ăn quả xã Tân Khai", mail.Subject);
        var text = mail.TextBody ?? "";
        Assert.Contains("Kính gửi", text);
        Assert.Contains($"Hồ sơ: Đề xuất {code} — Mô hình trồng cây ăn quả xã Tân Khai", text);
        Assert.Contains("Số tiền: 92.000.000 đồng", text);
        var due = DateTimeOffset.Parse((string)task["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(7));
        Assert.Contains($"Hạn xử lý: {due:dd/MM/yyyy} (còn {(int)task["workingDaysLeft"]!} ngày làm việc)", text);
        Assert.Contains($"Xem hồ sơ: {MailFixture.PublicBaseUrl}/de-xuat/{id}", text);

        // sent once: the next round finds nothing to send, and the server has still one message for this person
        await fixture.Factory.SendPendingAsync();
        Assert.Single(SmtpServer.MessagesTo(address));
        Assert.NotNull((await fixture.Factory.QueuedToAsync(address)).SentAt);
    }

    [SmtpFact]
    public async Task Send_WhenTwoServersSendAtOnce_EachEmailReachesTheServerOnce()
    {
        using var s = new Session(fixture.Factory);
        var first = await MailStory.GiveAddressAsync(s, "tk.kinhte");
        var second = await MailStory.GiveAddressAsync(s, "tk.kinhte2");
        var (id, _) = await MailStory.SubmittedAsync(s, 41_000_000, "Mô hình nuôi dê sinh sản");
        await fixture.Factory.NoticeAsync(await s.As("tk.kinhte"), n => n.About(id));
        await fixture.Factory.NoticeAsync(await s.As("tk.kinhte2"), n => n.About(id));

        // two servers' senders, each with its own node name, on the same database at the same moment
        await Task.WhenAll(fixture.Factory.SendPendingAsync(), fixture.Factory.SendPendingAsync());
        await fixture.Factory.SendPendingAsync();

        Assert.Single(SmtpServer.MessagesTo(first), m => (m.TextBody ?? "").Contains("Mô hình nuôi dê sinh sản"));
        Assert.Single(SmtpServer.MessagesTo(second), m => (m.TextBody ?? "").Contains("Mô hình nuôi dê sinh sản"));
    }

    [Fact]
    public async Task Email_WhenAnAdministratorGivesAnAddressThatIsNotOne_IsRefusedAtTheField()
    {
        using var s = new Session(fixture.Factory);
        var admin = await s.As("dn.quantri");
        var person = (await admin.GetJsonAsync("/api/admin/users?userName=tk.kinhte"))["items"]!.AsArray().Single()!;

        using var refused = await admin.PutAsJsonAsync($"/api/admin/users/{person["id"]}", new
        {
            displayName = (string?)person["displayName"], position = (string?)person["position"], agencyCode = (string?)person["agencyCode"],
            roles = person["roles"]!.AsArray().Select(r => (string)r!).ToArray(), email = "Kinh Te <kinhte@tankhai>",
        });

        var errors = await ProblemAssert.HasErrorsAtAsync(refused, "email");
        Assert.Contains("không hợp lệ", errors["email"][0]);
    }
}

/// <summary>One server with e-mail on whose mail server does not answer (a loopback port nobody listens on).</summary>
public sealed class MailServerDownFixture : IDisposable
{
    public TestDatabase Database { get; } = TestDatabase.Create("mail-down");

    public RuntimeFactory Factory { get; }

    public MailServerDownFixture()
    {
        var settings = SmtpServer.Settings(MailFixture.PublicBaseUrl);
        settings["Mail:Host"] = "127.0.0.1";
        settings["Mail:Port"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Factory = new RuntimeFactory(Database, RuntimeFactory.ShippedWorkflows, new ManualClock(CommuneFixture.Start), settings);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        Factory.Dispose();
        Database.Dispose();
    }
}

public sealed class MailRetryTests(MailServerDownFixture fixture) : IClassFixture<MailServerDownFixture>
{
    [Fact]
    public async Task Send_WhenTheMailServerIsDown_TheTransitionAndNoticeStandAndTheEmailIsTriedAgainAfterAGrowingWait()
    {
        using var s = new Session(fixture.Factory);
        var address = await MailStory.GiveAddressAsync(s, "tk.kinhte");
        // the submission is done and its notice shown, whatever the mail server does
        var (id, _) = await MailStory.SubmittedAsync(s, 35_000_000, "Mô hình trồng nấm");
        await fixture.Factory.NoticeAsync(await s.As("tk.kinhte"), n => n.About(id));
        Assert.Equal("Submitted", (string?)(await (await s.As("tk.nongnghiep")).GetProposalAsync(id))["state"]);

        Assert.Equal(0, await fixture.Factory.SendPendingAsync());
        var failed = await fixture.Factory.QueuedToAsync(address);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);
        var firstWait = failed.NextAttemptAt - fixture.Factory.Clock.GetUtcNow();
        Assert.Equal(TimeSpan.FromSeconds(30), firstWait);

        // not tried again before its time
        await fixture.Factory.SendPendingAsync();
        Assert.Equal(1, (await fixture.Factory.QueuedToAsync(address)).Attempts);

        fixture.Factory.Clock.Advance(firstWait);
        await fixture.Factory.SendPendingAsync();
        var again = await fixture.Factory.QueuedToAsync(address);
        Assert.Equal(2, again.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(60), again.NextAttemptAt - fixture.Factory.Clock.GetUtcNow());
    }
}
