using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Pages;

/// <summary>The date range of the journal pages' filters: days written dd/MM/yyyy, in Vietnam.</summary>
public static class JournalDays
{
    /// <summary>The day's first moment, or its last for the end of a range; a value that is not a day is a field error.</summary>
    public static DateTimeOffset? Parse(string? value, string field, bool endOfDay, ModelStateDictionary errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!DateOnly.TryParseExact(value.Trim(), ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.AddModelError(field, $"“{value}” không phải ngày dạng dd/MM/yyyy (ví dụ 01/07/2025).");
            return null;
        }
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), WorkingCalendar.VietnamOffset);
        return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
    }
}
