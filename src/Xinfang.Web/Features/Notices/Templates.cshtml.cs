using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Matters;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Notices;

/// <summary>管理 · 文书模板: the wording of every notice and letter, edited with a live preview on a real notice; every version kept.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class TemplatesModel(TemplateStore store, TemplatePreview preview) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = NoticeFields.KeyOf(NoticeKind.HandlingOpinion);

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Addressee { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? MatterNumber { get; set; }

    public IReadOnlyList<TemplateSummary> Templates { get; private set; } = [];

    public TemplateView? Template { get; private set; }

    public PreviewView? Preview { get; private set; }

    public Dictionary<string, string[]> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Template is null)
        {
            return NotFound();
        }

        (Title, Addressee, Body) = (Template.Current.Title, Template.Current.Addressee, Template.Current.Body);
        Preview = (await preview.PreviewAsync(Key, Input, cancellationToken)).TryGet(out var view, out _) ? view : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await store.SaveAsync(Key, new TemplateInput(Title, Addressee, Body), cancellationToken)).TryGet(out var saved, out var error))
        {
            TempData["Flash"] = $"已保存“{saved.Name}”第 {saved.Current.Version} 版。此后出具的文书使用新版本，已出具的文书不变。";
            return Redirect($"/admin/templates?key={Uri.EscapeDataString(Key)}");
        }

        foreach (var (field, messages) in error.Fields ?? new Dictionary<string, string[]> { [""] = [error.Detail] })
        {
            Errors[field] = messages;
        }

        await LoadAsync(cancellationToken);
        return Template is null ? NotFound() : Page();
    }

    /// <summary>
    /// The live preview, asked for by the page's script as the administrator types. Wording that would be refused is
    /// an answer too (what is wrong, to show beside the preview), so it comes with 200; saving refuses it.
    /// </summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken) =>
        (await preview.PreviewAsync(Key, Input, cancellationToken)).TryGet(out var view, out var error)
            ? new JsonResult(view)
            : new JsonResult(new { error = error.Detail, field = error.Fields?.Keys.FirstOrDefault() });

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public string Invalid(string field) => Errors.ContainsKey(field) ? " is-invalid" : "";

    private PreviewInput Input => new(Title, Addressee, Body, MatterNumber);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Templates = await store.ListAsync(cancellationToken);
        Template = (await store.GetAsync(Key, cancellationToken)).TryGet(out var template, out _) ? template : null;
    }
}
