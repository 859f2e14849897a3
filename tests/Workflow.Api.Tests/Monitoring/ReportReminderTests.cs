using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Features.Monitoring.Reports;
using Workflow.Api.Tests.Admin;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Tests.Monitoring;

/// <summary>
/// A report that comes due is a task in the inbox of the unit's standing office: when the first half of 2026 ends,
/// Xã Tân Khai's half-year report opens as a draft with a task due on Tuesday 21 July 2026; after that day the task is
/// overdue and the deadline scan escalates it; submitting the report closes it.
/// </summary>
public sealed class ReportReminderTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private Task<int> OpenDueAsync() => fixture.Factory.InScopeAsync(s => s.GetRequiredService<ReportReminders>().OpenDueAsync());

    private void MoveTo(DateTimeOffset moment) => fixture.Factory.Clock.Advance(moment - fixture.Factory.Clock.GetUtcNow());

    private static async Task<JsonNode?> ReportTaskAsync(HttpClient client, string query = "") =>
        (await client.GetJsonAsync($"/api/tasks?subjectType=MonitoringReport&pageSize=100{query}"))["items"]!.AsArray()
        .SingleOrDefault(t => (string?)t!["subjectCode"] == "mau-01/2026-H1/v1");

    [Fact]
    public async Task OpenDue_WhenTheHalfYearEnds_TasksTheOfficerDueOnTheReportsDueDateOverdueAfterItAndClosedBySubmission()
    {
        // Wednesday 1 July 2026, 09:00 in Vietnam: the first half ended the day before
        MoveTo(new DateTimeOffset(2026, 7, 1, 9, 0, 0, WorkingCalendar.VietnamOffset));

        Assert.True(await OpenDueAsync() > 0);
        Assert.Equal(0, await OpenDueAsync());

        using (var s = new Session(fixture.Factory))
        {
            var task = await ReportTaskAsync(await s.As("tk.giamsat"));
            Assert.NotNull(task);
            Assert.Equal(WorkingCalendar.EndOf(new DateOnly(2026, 7, 21)), DateTimeOffset.Parse((string)task["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.False((bool)task["overdue"]!);
            Assert.Equal(14, (int)task["workingDaysLeft"]!);
            // the reminder is the officer's: a lead agency of the commune has no such task
            Assert.Null(await ReportTaskAsync(await s.As("tk.nongnghiep")));
        }

        // Wednesday 22 July: a day late
        MoveTo(new DateTimeOffset(2026, 7, 22, 9, 0, 0, WorkingCalendar.VietnamOffset));
        Assert.True(await fixture.Factory.InScopeAsync(s => s.GetRequiredService<DeadlineEscalator>().EscalateOverdueAsync()) > 0);
        using (var s = new Session(fixture.Factory))
        {
            var officer = await s.As("tk.giamsat");
            var overdue = await ReportTaskAsync(officer, "&overdue=true");
            Assert.NotNull(overdue);
            var reportId = (string)overdue["subjectId"]!;

            var submitted = await officer.PostAsync($"/api/monitoring/reports/{reportId}/submit", null).OkAsync();

            Assert.True((bool)submitted["report"]!["late"]!);
            Assert.Null(await ReportTaskAsync(officer));
            Assert.Equal("system", (string?)submitted["report"]!["createdBy"]);
            // the reminder's journal chain seals and verifies like any dossier's
            var verification = await (await s.As("admin")).GetJsonAsync("/api/audit/verify?full=true");
            Assert.True((bool)verification["intact"]!, verification.ToJsonString());
        }
    }
}
