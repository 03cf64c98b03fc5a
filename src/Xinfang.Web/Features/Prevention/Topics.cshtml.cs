using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Prevention;

/// <summary>台账矛盾类型: the administrator adds, renames, orders and retires topics (a topic in use is retired, never deleted).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class TopicsModel(Ledger ledger) : PageModel
{
    [BindProperty] public Guid? Id { get; set; }

    [BindProperty] public TopicInput Input { get; set; } = new();

    public IReadOnlyList<TopicView> Topics { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Topics = await ledger.TopicsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.ErrorCount > 0)
        {
            Error = "排序须为整数。";
        }
        else if ((await ledger.SaveTopicAsync(Id, Input, ct)).TryGet(out var saved, out var error))
        {
            TempData["Flash"] = Id is null ? $"已新增矛盾类型“{saved.Name}”。" : $"已保存矛盾类型“{saved.Name}”。";
            return Redirect("/prevention/topics");
        }
        else
        {
            Error = error.Detail;
        }

        Topics = await ledger.TopicsAsync(ct);
        return Page();
    }
}
