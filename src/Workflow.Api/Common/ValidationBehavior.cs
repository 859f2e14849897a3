using FluentValidation;
using MediatR;
using Workflow.Domain.Common;

namespace Workflow.Api.Common;

/// <summary>Runs every validator of a request before its handler; all failures come back together.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<Violation>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors.Select(e => new Violation(JsonPath(e.PropertyName), e.ErrorMessage)));
        }
        if (failures.Count > 0) throw new ValidationFailedException(failures);
        return await next();
    }

    /// <summary>FluentValidation names members in C# case (<c>Lines[0].Amount</c>); clients see JSON names.</summary>
    private static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToLowerInvariant(p[0]) + p[1..]));
}
