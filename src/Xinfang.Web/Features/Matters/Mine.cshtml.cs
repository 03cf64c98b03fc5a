using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Xinfang.Web.Features.Matters;

public sealed class MineModel(LeaderPackages packages) : PageModel
{
    public IReadOnlyList<PackageView> Items { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync() => Items = await packages.MineAsync();

    public Task<IActionResult> OnPostProgressAsync(Guid packageId, string? note) => NoteAsync(packageId, note, resolve: false);

    public Task<IActionResult> OnPostResolveAsync(Guid packageId, string? note) => NoteAsync(packageId, note, resolve: true);

    private async Task<IActionResult> NoteAsync(Guid packageId, string? note, bool resolve)
    {
        var result = await packages.NoteAsync(packageId, new PackageNote(note), resolve);
        if (result.IsSuccess)
        {
            TempData["Flash"] = resolve ? "已记录化解结果。" : "已记录包案进展。";
            return Redirect("/packages");
        }

        Error = result.Error!.Detail;
        Items = await packages.MineAsync();
        return Page();
    }
}
