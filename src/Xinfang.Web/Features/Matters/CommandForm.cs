using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Matters;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// The matter page's action forms bind to the same command records the API reads from JSON (the command of each
/// action is named by <see cref="Lifecycle.Commands"/>), through ASP.NET Core's model binding: a form names its
/// fields after the command's, under <see cref="Prefix"/> — <c>c.UnitId</c>, <c>c.Items[0].Outcome</c>. So a form is
/// never translated into a command by hand, and an action's form and its API body cannot drift apart.
/// </summary>
public static class CommandForm
{
    public const string Prefix = "c";

    public static string Field(string name) => $"{Prefix}.{name}";

    /// <summary>The command posted for <paramref name="action"/>, or null when a field could not be read (the page's ModelState says which).</summary>
    public static async Task<MatterCommand?> BindAsync(PageModel page, MatterAction action)
    {
        var type = Lifecycle.Commands[action];
        var metadata = page.MetadataProvider.GetMetadataForType(type);
        var binder = page.HttpContext.RequestServices.GetRequiredService<IModelBinderFactory>().CreateBinder(new ModelBinderFactoryContext { Metadata = metadata, CacheToken = type });
        var values = await CompositeValueProvider.CreateAsync(page.PageContext, page.PageContext.ValueProviderFactories);
        var context = DefaultModelBindingContext.CreateBindingContext(page.PageContext, values, metadata, bindingInfo: null, Prefix);
        await binder.BindModelAsync(context);
        // Only conversion errors count (a date or number that is not one). The rules are the decision's to check, so
        // no validation attributes run here; the entries binding leaves unvalidated do not make the form invalid.
        return context.Result.IsModelSet && page.ModelState.ErrorCount == 0 ? context.Result.Model as MatterCommand : null;
    }
}
