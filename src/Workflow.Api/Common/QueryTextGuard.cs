using Microsoft.AspNetCore.Diagnostics;
using Workflow.Domain.Common;

namespace Workflow.Api.Common;

/// <summary>
/// Refuses a query string carrying a control character (NUL, line breaks, tabs…) in any parameter with a 400 naming the
/// parameter, before any page or endpoint reads it. No parameter of the site — a unit code, a year, a period, words to
/// search — can hold one, and PostgreSQL refuses a NUL in text outright: reaching the database, it would be a 500.
/// A page answers 400 with the site's error page instead of problem details.
/// </summary>
public sealed class QueryTextGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        // the error page re-executed for this very request carries the same query
        if (context.Features.Get<IExceptionHandlerFeature>() is not null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            return next(context);
        var problems = context.Request.Query
            .Where(p => p.Key.Any(char.IsControl) || p.Value.Any(v => v is not null && v.Any(char.IsControl)))
            .Select(p => new Violation(p.Key.Any(char.IsControl) ? "$query" : p.Key,
                $"Tham số '{Printable(p.Key)}' có ký tự điều khiển (xuống dòng, tab, ký tự rỗng…): gõ lại giá trị."))
            .ToList();
        if (problems.Count == 0) return next(context);
        if (context.Request.Path.StartsWithSegments("/api")) throw new ValidationFailedException(problems);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }

    private static string Printable(string key) => new([.. key.Where(c => !char.IsControl(c))]);
}
