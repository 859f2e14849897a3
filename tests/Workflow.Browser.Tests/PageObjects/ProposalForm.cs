using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests.PageObjects;

/// <summary>What a clerk types into the proposal form. Amounts in đồng; kinds and areas as the selects' values.</summary>
public sealed record ProposalDraft(string Title, DateOnly Start, DateOnly End, long TotalCost, long StateSupport)
{
    /// <summary>ValueChain, Community, PovertyReductionModel or Activity.</summary>
    public string Kind { get; init; } = "PovertyReductionModel";

    /// <summary>EspeciallyDifficult, Difficult or Other.</summary>
    public string AreaType { get; init; } = "Other";

    public long Cash { get; init; }
    public long Labour { get; init; }
    public long InKind { get; init; }
    public int Poor { get; init; }
    public int NearPoor { get; init; }
    public int TotalParticipants { get; init; }
}

/// <summary>
/// The proposal form, <c>/de-xuat/soan?dong={lineId}</c>, with its live preview: the server's split, remaining and cap,
/// asked for once the clerk pauses typing (the box's <c>data-state</c> is <c>pending</c> until the answer is written in).
/// </summary>
public sealed partial class ProposalForm(IPage page)
{
    public IPage Page => page;

    public ILocator StateSupport => page.Locator("#Input_StateSupport");

    public ILocator TotalCost => page.Locator("#Input_TotalCost");

    public ILocator Preview => page.Locator("[data-split-preview]");

    /// <summary>The support cap's line under the table.</summary>
    public ILocator Cap => page.Locator("[data-split-preview] [data-cap]");

    /// <summary>What is left on the line for one source, with the excess when the part is above it.</summary>
    public ILocator PreviewLeft(string source) => page.Locator($"[data-split-preview] [data-left='{source}']");

    /// <summary>The preview's one polite live region: the sentence a screen reader hears after the pause.</summary>
    public ILocator Announcement => page.Locator("[data-split-preview] [data-preview-status]");

    public ILocator EndDate => page.Locator("#Input_EndDate");

    /// <summary>The preview's amount for one source: Central, Provincial, District, Commune.</summary>
    public ILocator PreviewPart(string source) => page.Locator($"[data-split-preview] [data-part='{source}']");

    public ILocator PreviewTotal => page.Locator("[data-split-preview] [data-total]");

    public ILocator FieldError(string path) => page.Locator($".field-error[data-path='{path}']");

    /// <summary>Waits for the form of a plan line (its heading and the preview, filled by the script).</summary>
    public async Task ExpectOpenAsync()
    {
        await Expect(page).ToHaveURLAsync(DraftUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lập đề xuất");
        await Expect(PreviewTotal).ToHaveTextAsync(Ui.Vnd(0));
    }

    /// <summary>Fills every field of the draft; the support is typed key by key, as a person does.</summary>
    public async Task FillAsync(ProposalDraft d)
    {
        await page.Locator("#Input_Title").FillAsync(d.Title);
        await page.Locator("#Input_Kind").SelectOptionAsync(d.Kind);
        await page.Locator("#Input_AreaType").SelectOptionAsync(d.AreaType);
        await page.Locator("#Input_StartDate").FillAsync(Ui.DateValue(d.Start));
        await EndDate.FillAsync(Ui.DateValue(d.End));
        await page.Locator("#Input_TotalCost").FillAsync(Number(d.TotalCost));
        await TypeSupportAsync(d.StateSupport);
        await page.Locator("#Input_Cash").FillAsync(Number(d.Cash));
        await page.Locator("#Input_Labour").FillAsync(Number(d.Labour));
        await page.Locator("#Input_InKind").FillAsync(Number(d.InKind));
        await page.Locator("#Input_Poor").FillAsync(Number(d.Poor));
        await page.Locator("#Input_NearPoor").FillAsync(Number(d.NearPoor));
        await page.Locator("#Input_TotalParticipants").FillAsync(Number(d.TotalParticipants));
    }

    /// <summary>Clears the support and types the new amount digit by digit (<paramref name="keyDelayMs"/> between keys).</summary>
    public async Task TypeSupportAsync(long amount, int keyDelayMs = 0)
    {
        await StateSupport.ClearAsync();
        await StateSupport.PressSequentiallyAsync(Number(amount), new() { Delay = keyDelayMs });
    }

    /// <summary>Clears the total cost and types the new amount digit by digit.</summary>
    public async Task TypeTotalCostAsync(long amount)
    {
        await TotalCost.ClearAsync();
        await TotalCost.PressSequentiallyAsync(Number(amount));
    }

    /// <summary>Waits until the server's answer for what is typed now is written into the preview.</summary>
    public Task ExpectPreviewSettledAsync() => Expect(Preview).ToHaveAttributeAsync("data-state", "ready");

    /// <summary>From now on, records every sentence the live region is given (read back by <see cref="AnnouncementsAsync"/>).</summary>
    public Task RecordAnnouncementsAsync() => page.EvaluateAsync("""
        () => {
          const region = document.querySelector('[data-split-preview] [data-preview-status]');
          window.__announcements = [];
          new MutationObserver(() => window.__announcements.push(region.textContent))
            .observe(region, { childList: true, characterData: true, subtree: true });
        }
        """);

    public Task<string[]> AnnouncementsAsync() => page.EvaluateAsync<string[]>("() => window.__announcements");

    /// <summary>Expects the preview to show these amounts per source and their total, as the server answered them.</summary>
    public async Task ExpectPreviewAsync(long central, long provincial, long district) =>
        await ExpectPreviewAsync(new Dictionary<string, long> { ["Central"] = central, ["Provincial"] = provincial, ["District"] = district });

    /// <summary>The preview shows these parts per source (every other source 0) and their total.</summary>
    public async Task ExpectPreviewAsync(IReadOnlyDictionary<string, long> parts)
    {
        await ExpectPreviewSettledAsync();
        foreach (var source in new[] { "Central", "Provincial", "District", "Commune" })
            await Expect(PreviewPart(source)).ToHaveTextAsync(Ui.Vnd(parts.GetValueOrDefault(source)));
        await Expect(PreviewTotal).ToHaveTextAsync(Ui.Vnd(parts.Values.Sum()));
    }

    /// <summary>Presses "Lưu dự thảo" and returns whether the draft was saved (the browser went to <c>/de-xuat/{id}</c>).</summary>
    public async Task<bool> TrySaveAsync()
    {
        // as a person does: the preview has caught up with the last keystroke before the button is pressed
        await ExpectPreviewSettledAsync();
        await Ui.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo", Exact = true }));
        return ProposalUrl().IsMatch(page.Url);
    }

    /// <summary>Saves the draft and returns its id; fails with the page's errors if it was refused.</summary>
    public async Task<Guid> SaveAsync()
    {
        if (!await TrySaveAsync())
            await Ui.ExpectNoRefusalAsync(page, "Saving the draft");
        await Expect(page).ToHaveURLAsync(ProposalUrl());
        await Expect(SubjectPage.State(page)).ToHaveTextAsync("Dự thảo");
        return Ui.IdInUrl(page);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/de-xuat/soan(/[0-9a-f-]{36})?(\?.*)?$")]
    private static partial Regex DraftUrl();

    [GeneratedRegex(@"/de-xuat/[0-9a-f-]{36}$")]
    public static partial Regex ProposalUrl();
}

/// <summary>Drafts for tests that need a proposal but not this year's plan: on the seeded 2024 plan, which every run has.</summary>
public static class SeededPlan
{
    public const int Year = 2024;

    /// <summary>A valid draft of a poverty-reduction model: 100,000,000 đ, 80,000,000 of it state support, 10 poor households.</summary>
    public static ProposalDraft ModelDraft(string title) =>
        new(title, new DateOnly(Year, 3, 1), new DateOnly(Year, 11, 30), 100_000_000, 80_000_000)
        {
            Cash = 20_000_000,
            Poor = 10,
            TotalParticipants = 10,
        };

    /// <summary>The agricultural centre's clerk (signed in on <paramref name="clerk"/>) drafts a model on DA2; returns its id.</summary>
    public static async Task<Guid> CreateDraftAsync(IPage clerk, string title)
    {
        var form = await PlanPage.OpenProposalFormAsync(clerk, Year, "DA2");
        await form.FillAsync(ModelDraft(title));
        return await form.SaveAsync();
    }
}
