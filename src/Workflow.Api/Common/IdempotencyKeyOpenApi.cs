using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Workflow.Api.Common;

/// <summary>
/// Documents the optional <c>Idempotency-Key</c> header on every POST that honours it (<see cref="IdempotentPosts"/>),
/// with its refusals: 400 for a malformed key, 409 while the first request with it runs, 422 when it named another request.
/// </summary>
public sealed class IdempotencyKeyOpenApi : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!HttpMethods.IsPost(context.ApiDescription.HttpMethod ?? "")
            || context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentPosts>().FirstOrDefault() is not { FromForm: false })
            return;

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKey.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Khóa do máy khách chọn (ví dụ một UUID) để gửi lại yêu cầu an toàn: lần gửi lại với cùng khóa và cùng yêu cầu nhận đúng " +
                          "kết quả lần đầu (kèm tiêu đề Idempotent-Replayed: true) và không thực hiện lại; khóa được nhớ trong Api:IdempotencyKeyLifetime (mặc định 24 giờ).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKey.MaxLength, Pattern = "^[\\x20-\\x7E]+$" },
        });

        operation.Responses ??= [];
        var validation = context.SchemaGenerator.GenerateSchema(typeof(HttpValidationProblemDetails), context.SchemaRepository);
        var problem = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
        Add(operation, "400", "Dữ liệu không hợp lệ (kể cả Idempotency-Key sai dạng).", validation);
        Add(operation, "409", "Xung đột (kể cả: yêu cầu đầu tiên với Idempotency-Key này còn đang xử lý).", problem);
        Add(operation, "422", "Idempotency-Key đã được dùng cho một yêu cầu khác.", validation);
    }

    private static void Add(OpenApiOperation operation, string status, string description, IOpenApiSchema schema)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
        };
    }
}
