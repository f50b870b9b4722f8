using Magnesia.Inputs;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Magnesia.Web.Infrastructure;

/// <summary>
/// <c>&lt;input mg-range="@SomeInput.WaistCmRange"&gt;</c>: writes the browser's <c>min</c> and <c>max</c> from the
/// domain's <see cref="NumberRange"/>, so a page never states a range of its own (the server checks the same range).
/// </summary>
[HtmlTargetElement("input", Attributes = "mg-range")]
public sealed class NumberRangeTagHelper : TagHelper
{
    /// <summary>The domain's range for the field.</summary>
    [HtmlAttributeName("mg-range")]
    public NumberRange? Range { get; set; }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Range is null)
            return;
        output.Attributes.SetAttribute("min", Range.MinAttribute);
        output.Attributes.SetAttribute("max", Range.MaxAttribute);
    }
}
