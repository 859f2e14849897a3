using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Workflow.Api.Features.Plans;

namespace Workflow.Api.Common;

/// <summary>Marks an endpoint that takes a plan as JSON, as an Excel workbook, or as a multipart form with a file.</summary>
public sealed class PlanUploadAlternatives;

/// <summary>
/// Adds the workbook and multipart bodies beside the JSON plan file in the OpenAPI document: endpoint metadata can
/// declare one request type only, and the workbook is bytes, not the JSON schema.
/// </summary>
public sealed class PlanUploadOpenApi : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<PlanUploadAlternatives>().Any()) return;
        if (operation.RequestBody?.Content is not { } content) return;
        content[PlanWorkbook.ContentType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "Sổ tính Excel theo mẫu kế hoạch vốn (docs/plan-file.md)." },
        };
        content["multipart/form-data"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "file" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "Tệp kế hoạch .json hoặc .xlsx." },
                    ["reason"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 1024, Description = "Lý do điều chỉnh (chỉ khi điều chỉnh)." },
                },
            },
        };
    }
}
