using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Workflow.Api.Pages;

/// <summary>
/// A form field sent empty binds as "" to a string the page declares non-nullable, not as null (MVC's default), so that a
/// crafted "Email=" reaches the use case's validation as an empty value instead of a NullReferenceException in the page.
/// </summary>
public sealed class EmptyFormFieldsStayEmpty : IDisplayMetadataProvider
{
    private readonly NullabilityInfoContext _nullability = new();

    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType != typeof(string)) return;
        var declared = context.Key.PropertyInfo is { } property ? Read(() => _nullability.Create(property))
            : context.Key.ParameterInfo is { } parameter ? Read(() => _nullability.Create(parameter))
            : null;
        if (declared?.WriteState == NullabilityState.NotNull) context.DisplayMetadata.ConvertEmptyStringToNull = false;
    }

    private NullabilityInfo? Read(Func<NullabilityInfo> create)
    {
        lock (_nullability) return create();
    }
}
