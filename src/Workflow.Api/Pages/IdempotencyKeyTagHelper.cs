using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Workflow.Api.Common;

namespace Workflow.Api.Pages;

/// <summary>
/// Gives every POST form of a page that creates or acts a new idempotency key each time it is rendered, so a double click
/// or a form sent again does the thing once (<see cref="IdempotencyMiddleware"/>). A form that posts to another page
/// (the header's sign-out) is left alone: that page decides for itself.
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class IdempotencyKeyTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!string.Equals(context.AllAttributes["method"].Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase)
            || context.AllAttributes.ContainsName("action")
            || ViewContext.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IdempotentPosts>() is not { FromForm: true })
            return;
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{IdempotencyKey.FormField}\" value=\"{Guid.NewGuid():N}\" />");
    }
}
