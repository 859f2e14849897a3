using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Workflow.Api.Pages;

/// <summary>
/// Reads the pages' typed money and dates: an amount grouped as "1.521.000.000", a date as dd/MM/yyyy. What cannot be
/// read is an error at the field's JSON path (the path the rules use, so it sits under the same input) naming the
/// field by its label; the rules' own "required" message for that field is then left out (see AppPageModel.TryAsync).
/// </summary>
internal static class FormBinding
{
    /// <summary>"Input.TotalCost" → "totalCost", "Amount" → "amount": where the page shows the field's errors.</summary>
    public static string PathOf(string modelName)
    {
        var last = modelName[(modelName.LastIndexOf('.') + 1)..];
        return last.Length == 0 ? modelName : char.ToLowerInvariant(last[0]) + last[1..];
    }

    public static string LabelOf(ModelBindingContext context) =>
        context.ModelMetadata.DisplayName ?? context.ModelMetadata.PropertyName ?? context.ModelName;
}

/// <summary>Whole đồng from a money input; put on a long or long? property with <c>[ModelBinder(typeof(MoneyBinder))]</c> and a <c>[Display(Name)]</c>.</summary>
public sealed class MoneyBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var value = context.ValueProvider.GetValue(context.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, value);
        var text = value.FirstValue;
        if (MoneyInput.TryParse(text, out var amount) && (amount is not null || context.ModelMetadata.IsReferenceOrNullableType))
        {
            context.Result = ModelBindingResult.Success(amount ?? (object?)null);
            return Task.CompletedTask;
        }
        if (amount is null && string.IsNullOrWhiteSpace(text))
        {
            // a blank where a number is always sent (a part of the split): zero, as the form starts
            context.Result = ModelBindingResult.Success(0L);
            return Task.CompletedTask;
        }
        context.ModelState.TryAddModelError(FormBinding.PathOf(context.ModelName), MoneyInput.NotWholeDong(FormBinding.LabelOf(context), text));
        context.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

/// <summary>Every DateOnly a page binds is read as dd/MM/yyyy (or d/M/yyyy), whatever the browser's language.</summary>
public sealed class DateInputBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new DateInputBinder() : null;

    private sealed class DateInputBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var value = context.ValueProvider.GetValue(context.ModelName);
            if (value == ValueProviderResult.None) return Task.CompletedTask;
            context.ModelState.SetModelValue(context.ModelName, value);
            var text = value.FirstValue;
            if (DateInput.TryParse(text, out var date) && (date is not null || context.ModelMetadata.IsReferenceOrNullableType))
            {
                context.Result = ModelBindingResult.Success(date ?? (object?)null);
                return Task.CompletedTask;
            }
            context.ModelState.TryAddModelError(FormBinding.PathOf(context.ModelName), DateInput.NotADate(FormBinding.LabelOf(context), text));
            context.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
    }
}
