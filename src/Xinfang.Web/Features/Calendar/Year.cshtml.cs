using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Calendar;

/// <summary>
/// 工作日历: a year of holidays and 调休 as twelve month grids. Every member of staff may look; an administrator enters
/// or corrects a year by pasting the notice's dates, previews the result and saves it through <see cref="CalendarEditor"/>,
/// which recomputes the open deadlines that the year touches.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class YearModel(CalendarEditor editor, XinfangDb db, Staff staff, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public string Source { get; set; } = "";

    [BindProperty]
    public string Lines { get; set; } = "";

    [BindProperty]
    public int StoredVersion { get; set; }

    public int Shown { get; private set; }

    public CalendarYearView Stored { get; private set; } = null!;

    public IReadOnlyList<CalendarMonth> Months { get; private set; } = [];

    public IReadOnlyCollection<int> HeldYears { get; private set; } = [];

    /// <summary>Set after 预览: the pasted year, shown in the grids instead of the stored one until it is saved.</summary>
    public ImportResult? Preview { get; private set; }

    public int WorkingDays { get; private set; }

    public string? Problem { get; private set; }

    public bool IsAdmin => staff.IsAdmin;

    public int Holidays => ShownDays.Count(d => d.Kind == DayKind.Holiday);

    public int MakeUpDays => ShownDays.Count(d => d.Kind == DayKind.Workday);

    private IReadOnlyList<CalendarDay> ShownDays => Preview is { IsValid: true } preview ? preview.Days : Days(Stored);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Source = Stored.Source.Length > 0 ? Stored.Source : $"国务院办公厅关于{Shown}年部分节假日安排的通知";
        Lines = CalendarImport.Format(Days(Stored));
        StoredVersion = Stored.Version;
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!staff.IsAdmin)
        {
            return Forbid();
        }

        await LoadAsync();
        ShowPreview();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!staff.IsAdmin)
        {
            return Forbid();
        }

        await LoadAsync();
        ShowPreview();
        if (Preview is not { IsValid: true } preview)
        {
            return Page();
        }

        var saved = await editor.SaveAsync(new CalendarYear(Shown, Source.Trim(), preview.Days), StoredVersion, HttpContext.RequestAborted);
        if (!saved.TryGet(out var result, out var error))
        {
            Preview = preview with { Problems = [new ImportProblem(0, error.Detail)] };
            return Page();
        }

        TempData["Flash"] = $"已保存 {Shown} 年日历（第 {result.Calendar.Version} 版）：重算 {result.Recomputed} 个未办结期限，"
            + $"{result.Moved} 个到期日调整并已记入事项历史" + (result.Confirmed > 0 ? $"，{result.Confirmed} 个暂定期限日期不变、已确认。" : "。");
        return Redirect($"/admin/calendar?year={Shown}");
    }

    private void ShowPreview()
    {
        Preview = CalendarImport.Parse(Shown, Source?.Trim() ?? "", Lines);
        if (Preview.IsValid)
        {
            WorkingDays = new WorkCalendar([new CalendarYear(Shown, Source!.Trim(), Preview.Days)])
                .CountWorkingDays(new DateOnly(Shown, 1, 1).AddDays(-1), new DateOnly(Shown, 12, 31));
            Months = CalendarMonth.ForYear(Shown, Preview.Days);
        }
    }

    private async Task LoadAsync()
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        Shown = Year ?? today.Year;
        var stored = await editor.GetAsync(Shown, HttpContext.RequestAborted);
        if (!stored.TryGet(out var view, out var error))
        {
            Problem = error.Detail;
            Shown = today.Year;
            view = (await editor.GetAsync(Shown, HttpContext.RequestAborted)).Value!;
        }

        Stored = view;
        WorkingDays = view.WorkingDays;
        Months = CalendarMonth.ForYear(Shown, Days(view));
        HeldYears = (await db.WorkCalendarAsync(HttpContext.RequestAborted)).Years;
    }

    private static List<CalendarDay> Days(CalendarYearView view) => [.. view.Days.Select(d => new CalendarDay(d.Date, d.Kind, d.Name))];
}
