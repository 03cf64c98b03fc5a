using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Calendar;

/// <summary>
/// 期限计算器: any member of staff asks "15 days from 2025-09-20?" and gets the due date with every step explained,
/// by the same rules and calendar as the matters (GET /api/v1/calendar/due). A GET form, so a result can be linked.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DueModel(ReferenceData reference, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Start { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Days { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "calendar";

    [BindProperty(SupportsGet = true)]
    public bool RollForward { get; set; } = true;

    public DueDate? Result { get; private set; }

    public DeadlineView? Explained { get; private set; }

    public List<string> Problems { get; } = [];

    public async Task OnGetAsync()
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        if (Start is null && Days is null)
        {
            Start = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Days = "15";
            return;
        }

        if (!DateOnly.TryParseExact(Start?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            Problems.Add($"起算日“{Start}”不是有效日期，请写作 YYYY-MM-DD，如 {today:yyyy-MM-dd}。");
        }

        if (!int.TryParse(Days?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days))
        {
            Problems.Add($"天数“{Days}”不是整数。");
        }

        if (Problems.Count > 0)
        {
            return;
        }

        if (!DueCheck.Check(start, days, Kind).TryGet(out var kind, out var error))
        {
            Problems.Add(error.Detail);
            return;
        }

        var calendar = (await reference.CurrentAsync(HttpContext.RequestAborted)).Deadlines.Calendar;
        Result = Periods.Due(calendar, start, days, kind, RollForward, explain: true);
        var name = kind == PeriodKind.Calendar ? $"{days} 日（自然日）" : $"{days} 个工作日";
        Explained = new DeadlineView("calculator", name, "", start, Result.Due, Result.Provisional, DeadlineState.Open, null, IsDuty: false,
            Overdue: false, WorkingDaysLeft: DeadlineStatus.WorkingDaysLeft(calendar, today, Result.Due), Result.Explanation);
    }
}
