using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Domain.Common;

namespace Workflow.Api.Pages;

/// <summary>What every page shares: the mediator, and turning the rules' refusals into messages next to their fields.</summary>
public abstract class AppPageModel(IMediator mediator) : PageModel
{
    protected IMediator Mediator { get; } = mediator;

    /// <summary>A one-line message shown at the top of the next page (after a redirect).</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Flash { get; set; }

    /// <summary>A refusal that concerns the whole request rather than one field.</summary>
    public string? Problem { get; set; }

    /// <summary>Runs a command; a refusal becomes field errors (400), or the page's problem line (403, 409). Returns whether it succeeded.</summary>
    protected async Task<bool> TryAsync(Func<Task> action, string? fieldPrefix = null)
    {
        try
        {
            await action();
            return true;
        }
        catch (ValidationFailedException e)
        {
            // a field the form could not read (a date not dd/MM/yyyy, an amount with a comma) already says so; the rule's
            // "enter a date" for the same field would only contradict what the user sees they typed
            foreach (var v in e.Violations.Where(v => !UnreadableOnThePage(Key(fieldPrefix, v.Path))))
                ModelState.AddModelError(Key(fieldPrefix, v.Path), v.Message);
            Problem = "Chưa thực hiện được: xem các lỗi được đánh dấu bên dưới.";
        }
        catch (ConflictException e)
        {
            foreach (var v in e.Violations) ModelState.AddModelError(Key(fieldPrefix, v.Path), v.Message);
            Problem = e.Message;
        }
        catch (ForbiddenException e)
        {
            Problem = e.Message;
        }
        return false;
    }

    private readonly HashSet<string> _unreadable = [];

    /// <summary>The fields the binders refused before the command ran (their paths).</summary>
    private bool UnreadableOnThePage(string path)
    {
        if (_unreadable.Count == 0)
            foreach (var kv in ModelState.Where(kv => kv.Value!.Errors.Count > 0)) _unreadable.Add(kv.Key);
        return _unreadable.Contains(path);
    }

    /// <summary>What the user typed into a field, when the form came back, else the value as the input shows it.</summary>
    public string Typed(string name, string shown) =>
        ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is { } typed ? typed : shown;

    /// <summary>A date input's text: what was typed after a refused post, else dd/MM/yyyy.</summary>
    public string DateText(string name, DateOnly? value) => Typed(name, DateInput.Text(value));

    /// <summary>A money input's text: what was typed after a refused post, else the amount dot-grouped.</summary>
    public string MoneyText(string name, long? value) => Typed(name, MoneyInput.Text(value));

    private static string Key(string? prefix, string path) => string.IsNullOrEmpty(prefix) ? path : $"{prefix}.{path}";

    /// <summary>The errors recorded for a field (JSON path), for showing next to it.</summary>
    public IEnumerable<string> ErrorsFor(string path) =>
        ModelState.TryGetValue(path, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    /// <summary>The messages for one field, marked up to sit right under it.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent FieldErrors(string path) => new Microsoft.AspNetCore.Html.HtmlString(string.Concat(
        ErrorsFor(path).Select(m => $"<span class=\"field-error\" data-path=\"{System.Net.WebUtility.HtmlEncode(path)}\">{System.Net.WebUtility.HtmlEncode(m)}</span>")));

    /// <summary>Errors whose path starts with <paramref name="prefix"/> (a whole line of a plan file, a group of fields).</summary>
    public IEnumerable<(string Path, string Message)> ErrorsUnder(string prefix) =>
        ModelState.Where(kv => kv.Key == prefix || kv.Key.StartsWith(prefix + ".", StringComparison.Ordinal) || kv.Key.StartsWith(prefix + "[", StringComparison.Ordinal))
            .SelectMany(kv => kv.Value!.Errors.Select(e => (kv.Key, e.ErrorMessage)));

    protected static JsonElement ToJson(object value) => JsonSerializer.SerializeToElement(value);
}
