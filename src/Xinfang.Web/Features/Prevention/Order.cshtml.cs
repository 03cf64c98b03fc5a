using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Prevention;
using Xinfang.Domain.Shared;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Prevention;

/// <summary>接待秩序记录: bureau staff only, like the API.</summary>
[Authorize(Policy = Policies.Bureau)]
public sealed class OrderModel(OrderLog log, TimeProvider time) : PageModel
{
    [BindProperty] public DateTime? At { get; set; }
    [BindProperty] public IncidentBehaviour? Behaviour { get; set; }
    [BindProperty] public List<StaffAction> Actions { get; set; } = [];
    [BindProperty] public bool PoliceCalled { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? MatterNumber { get; set; }

    /// <summary>更正: the incident being corrected (from ?edit=), its fields loaded into the form.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }

    /// <summary>The version of the record when the correction form was opened; a stale form is refused.</summary>
    [BindProperty] public int Version { get; set; }

    public IReadOnlyList<IncidentView> Incidents { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        At = time.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime;
        Incidents = await log.ListAsync(null, null, ct);
        if (Incidents.FirstOrDefault(i => i.Id == Edit) is { } editing)
        {
            (At, Behaviour, Actions, PoliceCalled, Outcome, MatterNumber, Version) =
                (editing.On.DateTime, editing.Behaviour, [.. editing.StaffAction], editing.PoliceCalled, editing.Outcome, editing.MatterNumber, editing.Version);
        }
        else
        {
            Edit = null;
        }
    }

    public async Task<IActionResult> OnPostAsync([FromServices] Data.XinfangDb db, CancellationToken ct)
    {
        Guid? matterId = null;
        if (!string.IsNullOrWhiteSpace(MatterNumber))
        {
            matterId = db.Matters.Where(m => m.Number == MatterNumber.Trim()).Select(m => (Guid?)m.Id).FirstOrDefault();
            if (matterId is null)
            {
                Error = "未找到该编号的信访事项。";
            }
        }

        if (Error is null)
        {
            var on = At is { } at ? new DateTimeOffset(at, ChinaTime.Offset) : (DateTimeOffset?)null;
            var input = new IncidentInput(matterId, on, Behaviour, Actions, PoliceCalled, Outcome);
            var result = Edit is { } id ? await log.CorrectAsync(id, input, Version, ct) : await log.RecordAsync(input, ct);
            if (result.IsSuccess)
            {
                TempData["Flash"] = Edit is null ? "已记录接待秩序事件。" : "已更正接待秩序记录。";
                return Redirect("/order/incidents");
            }

            Error = result.Error!.Detail;
        }

        Incidents = await log.ListAsync(null, null, ct);
        return Page();
    }
}
