using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Categories;
using Xinfang.Web.Features.Matters;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Portal;

/// <summary>
/// 网上信访: the public form. It posts to <see cref="PetitionPortal.SubmitAsync"/>, the same call as
/// <c>POST /api/v1/public/petitions</c>, which registers through the staff registration. Works without JavaScript;
/// errors come back next to the fields and nothing is stored.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Public)]
[RequestSizeLimit(PetitionPortal.MaxAttachments * PetitionPortal.DefaultMaxAttachmentBytes + 256 * 1024)]
public sealed class SubmitModel(PetitionPortal portal, CategoryEditor categories, ReferenceData reference) : PageModel
{
    /// <summary>TempData key of the receipt for the done page: the query code is shown there once and never stored in clear.</summary>
    public const string ReceiptKey = "PortalReceipt";

    [BindProperty]
    public PortalForm Form { get; set; } = new();

    /// <summary>The files chosen on the form (a browser sends an empty part when none is chosen).</summary>
    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public string MaxAttachmentMegabytes => (portal.MaxAttachmentBytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public Dictionary<string, string[]> Errors { get; } = [];

    public IReadOnlyList<CategoryOption> CategoryOptions { get; private set; } = [];

    public IReadOnlyList<Unit> Locations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form = new PortalForm { Key = NewKey() };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Form.Key = Form.Key is { Length: > 0 and <= IdempotencyStore.MaxKeyLength } key ? key : NewKey();
        if (!ModelState.IsValid)
        {
            foreach (var field in ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key))
            {
                Errors[field] = ["所选的值无法识别，请重新选择。"];
            }
        }
        else
        {
            var submitted = await portal.SubmitAsync(Form.ToPetition(), Form.Key, await FilesAsync(cancellationToken), cancellationToken);
            if (submitted.TryGet(out var receipt, out var error))
            {
                TempData[ReceiptKey] = string.Join('|', receipt.Number, receipt.QueryCode, receipt.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    Mask.Phone(Form.Phone ?? ""));
                return Redirect("/portal/done");
            }

            if (error.Code == "portal.too-many-submissions")
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
            }

            foreach (var (field, messages) in error.Fields ?? new Dictionary<string, string[]> { [""] = [error.Detail] })
            {
                Errors[field] = messages;
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IReadOnlyList<PortalFile>> FilesAsync(CancellationToken cancellationToken)
    {
        var files = new List<PortalFile>();
        foreach (var file in Attachments.Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            files.Add(new PortalFile(file.FileName, buffer.ToArray()));
        }

        return files;
    }

    public string? ErrorOf(params string[] fields) =>
        fields.Where(Errors.ContainsKey).Select(f => string.Join(" ", Errors[f])).FirstOrDefault();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CategoryOptions = (await CategoryOption.ListAsync(categories, cancellationToken)).Where(c => c.IsActive).ToList();
        Locations = (await reference.CurrentAsync(cancellationToken)).Units.Values
            .Where(u => u.IsActive && u.Kind is UnitKind.Street or UnitKind.Town).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    private static string NewKey() => "portal-" + Guid.NewGuid().ToString("N");
}

/// <summary>The public form's fields: one petitioner, who gives a phone for the text message.</summary>
public sealed class PortalForm
{
    public string? Key { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? IdNumber { get; set; }

    public string? Address { get; set; }

    public Purpose Purpose { get; set; } = Purpose.Claim;

    public string? CategoryCode { get; set; }

    public Guid? LocationUnitId { get; set; }

    public string? Title { get; set; }

    public string? Content { get; set; }

    public string? Demands { get; set; }

    public bool Consent { get; set; }

    public PublicPetition ToPetition() => new(Consent,
        [new PetitionerInput(Name, Blank(IdNumber), Blank(Phone), Blank(Address))],
        Purpose, Title, Content, 1, Blank(CategoryCode),
        (Demands ?? "").Split('\n').Select(d => d.Trim()).Where(d => d.Length > 0).ToList(),
        LocationUnitId);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
