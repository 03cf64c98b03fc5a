using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Attachments;

/// <summary>
/// The matter page's upload form (a letter, a photo, a recording, the signed 送达回执 of a notice): the same
/// <see cref="AttachmentStore"/> as the API, then back to the matter page saying what was stored or why not.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(AttachmentRules.DefaultMaxBytes * 2)]
public sealed class UploadModel(AttachmentStore store) : PageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/matters/{id}#attachments");

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? file, AttachmentKind kind, Guid? noticeId, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            TempData[AttachmentError] = "请选择要上传的文件。";
            return Redirect($"/matters/{id}#attachments");
        }

        await using var stream = file.OpenReadStream();
        var result = await store.UploadAsync(id, new AttachmentUpload(file.FileName, file.Length, stream, kind, noticeId), cancellationToken);
        if (result.TryGet(out var view, out var error))
        {
            TempData["Flash"] = $"已上传{view.Kind.ToChinese()}“{view.FileName}”。";
        }
        else if (error.Code == "attachment.not-found")
        {
            return NotFound();
        }
        else
        {
            TempData[AttachmentError] = error.Detail;
        }

        return Redirect($"/matters/{id}#attachments");
    }

    /// <summary>Why the last upload was refused, shown above the form on the matter page.</summary>
    public const string AttachmentError = "AttachmentError";
}
