namespace Workflow.Domain.Tests.Audit;

/// <summary>Changes a stored field behind the domain's back, as a database writer would.</summary>
internal static class Tamper
{
    public static T Set<T>(T entity, string property, object? value) where T : class
    {
        typeof(T).GetProperty(property)!.SetValue(entity, value);
        return entity;
    }
}
