using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Prevention;
using Xinfang.Domain.Shared;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Prevention;

public sealed class ActivitiesModel(ActivityLog log, Data.XinfangDb db, Staff staff, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty] public ActivityInput Input { get; set; } = new();

    public IReadOnlyList<ActivityView> Items { get; private set; } = [];

    /// <summary>The year's figures as the annual report prints them (<see cref="WorkFiguresQuery"/>).</summary>
    public WorkFigures Totals { get; private set; } = null!;

    public string? Error { get; private set; }

    public bool MayRecord => staff.IsBureau;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayRecord)
        {
            return Forbid();
        }

        var result = await log.RecordAsync(Input, ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = "已记录。";
            return Redirect("/prevention/activities");
        }

        Error = result.Error!.Detail;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var year = Year ?? ChinaTime.DateOf(time.GetUtcNow()).Year;
        Year = year;
        Items = await log.ListAsync(null, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);
        Totals = await WorkFiguresQuery.ForAsync(db, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);
    }
}
