using System.Text.RegularExpressions;

namespace Workflow.Api.Common;

/// <summary>
/// Schema ids of the OpenAPI document. A type is known by its name; a generic type by its name and its arguments
/// (<c>PageOfProposalSummary</c>); and an id holds only characters a <c>$ref</c> URI fragment may carry, never the
/// backticks, angle brackets or <c>+</c> of compiler-generated and nested type names.
/// </summary>
public static partial class OpenApiSchemaIds
{
    public static string For(Type type)
    {
        var name = type.Name;
        if (type.IsGenericType)
        {
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            name = (tick < 0 ? name : name[..tick]) + "Of" + string.Join("And", type.GetGenericArguments().Select(For));
        }
        return Unsafe().Replace(name, "");
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex Unsafe();
}
