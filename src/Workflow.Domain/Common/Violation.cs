namespace Workflow.Domain.Common;

/// <summary>One broken rule: the JSON path of the offending field and a message for people, in Vietnamese.</summary>
public sealed record Violation(string Path, string Message);

/// <summary>Bad input: every violation found, none of it applied.</summary>
public sealed class ValidationFailedException(IReadOnlyList<Violation> violations)
    : Exception("Dữ liệu không hợp lệ: " + string.Join("; ", violations.Select(v => $"{v.Path}: {v.Message}")))
{
    public IReadOnlyList<Violation> Violations { get; } = violations;

    public ValidationFailedException(string path, string message) : this([new Violation(path, message)]) { }
}

/// <summary>The request is understood but clashes with the current state: a duplicate, a stale version, a rule on existing data.</summary>
public sealed class ConflictException(string message, string? code = null) : Exception(message)
{
    public string? Code { get; } = code;

    /// <summary>Which fields the conflict concerns, when it concerns fields.</summary>
    public IReadOnlyList<Violation> Violations { get; init; } = [];
}

/// <summary>Unknown id, or one the caller may not see: both answer the same so nothing leaks.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller is known but their role does not allow the action.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>What was asked for existed but was removed on purpose (a file's content past its retention period): 410, not a fault.</summary>
public sealed class GoneException(string message) : Exception(message);
