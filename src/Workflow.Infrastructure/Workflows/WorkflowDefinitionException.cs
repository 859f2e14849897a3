using Workflow.Domain.Workflows;

namespace Workflow.Infrastructure.Workflows;

/// <summary>The definitions cannot be used: start-up stops and every problem is printed with its file and JSON path.</summary>
public sealed class WorkflowDefinitionException(IReadOnlyList<DefinitionProblem> problems)
    : Exception("Workflow definitions are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}
