using Microsoft.AspNetCore.Http.HttpResults;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Supervision;

/// <summary><c>/api/v1/supervision</c> (API.md "Supervision").</summary>
public static class SupervisionEndpoints
{
    public static RouteGroupBuilder MapSupervision(this RouteGroupBuilder api)
    {
        var supervision = api.MapGroup("/supervision").WithTags("督查督办").RequireAuthorization(Policies.Staff);
        supervision.MapPost("/sweep", async Task<Results<Ok<SweepResult>, ProblemHttpResult>> (string? asOf, SupervisionSweep sweep, CancellationToken ct) =>
                (await sweep.RunAsync(asOf, ct)).TryGet(out var result, out var error) ? TypedResults.Ok(result) : error.ToProblem())
            .RequireAuthorization(Policies.Bureau)
            .WithSummary("运行督办：为到期前 N 个工作日的期限发提醒函，为逾期的期限发督办函（逾期 10 个工作日以上挂牌督办）；重复运行不重复发函");
        supervision.MapGet("/letters", async Task<Results<Ok<IReadOnlyList<LetterView>>, ProblemHttpResult>> (string? kind, Guid? unitId, Guid? matterId, bool? open, SupervisionLetters letters, CancellationToken ct) =>
                (await letters.ListAsync(kind, unitId, matterId, open, ct)).TryGet(out var list, out var error) ? TypedResults.Ok(list) : error.ToProblem())
            .WithSummary("提醒函和督办函登记：按类型、责任单位、事项和是否仍在督办中筛选");
        supervision.MapPost("/phone-reminders", async Task<Results<Ok<PhoneReminderView>, ProblemHttpResult>> (PhoneReminderInput input, SupervisionLetters letters, CancellationToken ct) =>
                (await letters.LogCallAsync(input, ct)).TryGet(out var call, out var error) ? TypedResults.Ok(call) : error.ToProblem())
            .RequireAuthorization(Policies.Bureau)
            .WithSummary("登记电话催办：通话时间、接听人、催办内容");
        supervision.MapGet("/phone-reminders", (Guid matterId, SupervisionLetters letters, CancellationToken ct) => letters.CallsAsync(matterId, ct))
            .WithSummary("一件事项的电话催办记录");
        supervision.MapGet("/problems", async Task<Results<Ok<ProblemBoard>, ProblemHttpResult>> (string? type, Guid? unitId, DateOnly? from, DateOnly? to, ConcentratedSupervision board, CancellationToken ct) =>
                (await board.BoardAsync(new ProblemQuery(type, unitId, from, to), ct)).TryGet(out var result, out var error) ? TypedResults.Ok(result) : error.ToProblem())
            .WithSummary("集中督查督办：七类问题（not-accepted、not-handled、not-implemented、repeat-after-conclusion、irregular、overdue、substance-unresolved）的事项、规则和证据，按类型、责任单位和收到日期筛选，附各类计数");
        supervision.MapPost("/problem-letters", async Task<Results<Ok<ProblemLettersResult>, ProblemHttpResult>> (ProblemLettersInput input, ConcentratedSupervision board, CancellationToken ct) =>
                (await board.IssueAsync(input, ct)).TryGet(out var result, out var error) ? TypedResults.Ok(result) : error.ToProblem())
            .RequireAuthorization(Policies.Bureau)
            .WithSummary("批量发督查督办函：未列入督查问题、不可见或今天已发函的事项逐件拒绝并说明理由，其余照常发函");
        supervision.MapGet("/problem-letters", (Guid? unitId, ConcentratedSupervision board, CancellationToken ct) => board.LettersAsync(unitId, ct))
            .WithSummary("已发的督查督办函");
        supervision.MapGet("/digest", async Task<Results<Ok<UnitDigestView>, ProblemHttpResult>> (Guid? unitId, string? asOf, UnitDigests digests, CancellationToken ct) =>
                (await digests.ForAsync(unitId, asOf, ct)).TryGet(out var digest, out var error) ? TypedResults.Ok(digest) : error.ToProblem())
            .WithSummary("单位督办摘要：即将到期和已逾期的事项，分“尚未受理”和“尚未办结”；单位工作人员看本单位，信访部门可看任一单位");
        supervision.MapGet("/overview", (LeaderOverview overview, CancellationToken ct) => overview.BoardAsync(ct))
            .WithSummary("领导督查视图：挂牌督办事项，各单位按逾期和督查问题数排名（附七类问题计数），各包案领导的包案及状态；局机关看全部，包案领导看本人包案");
        var suggestions = api.MapGroup("/suggestions").WithTags("三项建议").RequireAuthorization(Policies.Staff);
        suggestions.MapGet("/", async Task<Results<Ok<IReadOnlyList<SuggestionView>>, ProblemHttpResult>> (string? kind, Guid? unitId, SuggestionRegister register, CancellationToken ct) =>
                (await register.ListAsync(kind, unitId, ct)).TryGet(out var list, out var error) ? TypedResults.Ok(list) : error.ToProblem())
            .WithSummary("三项建议登记：信访部门看全部，单位看送给本单位的；按类型、单位筛选，附采纳状态");
        suggestions.MapPost("/", async Task<Results<Ok<SuggestionView>, ProblemHttpResult>> (SuggestionInput input, SuggestionRegister register, CancellationToken ct) =>
                (await register.CreateAsync(input, ct)).TryGet(out var created, out var error) ? TypedResults.Ok(created) : error.ToProblem())
            .RequireAuthorization(Policies.Bureau)
            .WithSummary("提出三项建议（改进工作、完善政策、追究责任）：登记并出具建议书（作为第一件关联事项的文书编号存档）");
        suggestions.MapPost("/{id:guid}/feedback", async Task<Results<Ok<SuggestionView>, ProblemHttpResult>> (Guid id, SuggestionFeedbackInput input, SuggestionRegister register, CancellationToken ct) =>
                (await register.FeedbackAsync(id, input, ct)).TryGet(out var answered, out var error) ? TypedResults.Ok(answered) : error.ToProblem())
            .WithSummary("登记收到建议单位的书面反馈：是否采纳及说明；其他单位的用户不能反馈，已反馈的不能再反馈");
        return api;
    }
}
