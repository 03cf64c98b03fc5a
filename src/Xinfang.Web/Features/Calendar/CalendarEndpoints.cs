using Microsoft.AspNetCore.Http.HttpResults;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Calendar;

public static class CalendarEndpoints
{
    public sealed record CalendarBody(int? Year = null, string? Source = null, IReadOnlyList<CalendarDayView>? Days = null);

    public sealed record DueView(DateOnly Start, int Days, PeriodKind Kind, bool RollForward, DateOnly Due, bool Provisional, IReadOnlyList<DueReason> Explanation);

    public sealed record PeriodBody(int Days, PeriodKind Kind, string? Name = null, bool RollForward = true, string? Article = null);

    public static RouteGroupBuilder MapCalendar(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("工作日历与期限");
        calendar.MapGet("/{year:int}", GetYearAsync).RequireAuthorization(Policies.Staff);
        calendar.MapPut("/{year:int}", SaveYearAsync).RequireAuthorization(Policies.Admin);
        calendar.MapGet("/due", DueAsync).RequireAuthorization(Policies.Staff);

        var periods = api.MapGroup("/periods").WithTags("工作日历与期限");
        periods.MapGet("/", (PeriodRuleEditor editor, CancellationToken ct) => editor.ListAsync(ct)).RequireAuthorization(Policies.Staff);
        periods.MapGet("/{code}/history", (string code, PeriodRuleEditor editor, CancellationToken ct) => editor.HistoryAsync(code, ct)).RequireAuthorization(Policies.Staff);
        periods.MapPut("/{code}", SaveRuleAsync).RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<Results<Ok<CalendarYearView>, ProblemHttpResult>> GetYearAsync(int year, CalendarEditor editor, CancellationToken ct)
    {
        var result = await editor.GetAsync(year, ct);
        return result.TryGet(out var view, out var error) ? TypedResults.Ok(view) : error.ToProblem();
    }

    private static async Task<Results<Ok<CalendarSaved>, ProblemHttpResult>> SaveYearAsync(
        int year, CalendarBody body, HttpRequest request, CalendarEditor editor, CancellationToken ct)
    {
        if (body.Year is { } y && y != year)
        {
            return Error.Validation("calendar.year-mismatch", $"地址中的年份 {year} 与内容中的年份 {y} 不一致。", "year").ToProblem();
        }

        var input = new CalendarYear(year, body.Source ?? "", (body.Days ?? []).Select(d => new CalendarDay(d.Date, d.Kind, d.Name ?? "")).ToList());
        var result = await editor.SaveAsync(input, ETags.Parse(request), ct);
        return result.TryGet(out var saved, out var error) ? TypedResults.Ok(saved) : error.ToProblem();
    }

    private static async Task<Results<Ok<DueView>, ProblemHttpResult>> DueAsync(
        DateOnly start, int days, string? kind, bool? rollForward, ReferenceData reference, CancellationToken ct)
    {
        if (!DueCheck.Check(start, days, kind).TryGet(out var periodKind, out var error))
        {
            return error.ToProblem();
        }

        var calendar = (await reference.CurrentAsync(ct)).Deadlines.Calendar;
        var due = Periods.Due(calendar, start, days, periodKind, rollForward ?? true, explain: true);
        return TypedResults.Ok(new DueView(due.Start, due.Days, due.Kind, due.RollForward, due.Due, due.Provisional, due.Explanation));
    }

    private static async Task<Results<Ok<PeriodRuleView>, ProblemHttpResult>> SaveRuleAsync(string code, PeriodBody body, PeriodRuleEditor editor, CancellationToken ct)
    {
        var result = await editor.SaveAsync(new PeriodRule(code, body.Name ?? "", body.Days, body.Kind, body.RollForward, body.Article ?? ""), ct);
        return result.TryGet(out var rule, out var error) ? TypedResults.Ok(rule) : error.ToProblem();
    }
}
