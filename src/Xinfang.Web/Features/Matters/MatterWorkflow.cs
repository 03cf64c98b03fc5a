using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Routing;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// Load → decide → save, shared by the pages and the API. Each action runs in one transaction that holds the audit
/// chain lock from the start, so numbering, the decision and the write see one consistent state on every server.
/// </summary>
public sealed class MatterWorkflow(XinfangDb db, Staff staff, TimeProvider time, ReferenceData reference, IdempotencyStore idempotency,
                                   IConfiguration configuration, MatterProblems problems, RepeatFinder repeatFinder)
{
    /// <summary>Who registers what comes in through the public portal; the idempotency keys of the portal are kept under it.</summary>
    public const string OnlineRegistrar = "portal";

    /// <summary><c>Portal:EvaluationDays</c>: days after an opinion's delivery within which the petitioner evaluates it.</summary>
    public int EvaluationDays { get; } = EvaluationDaysIn(configuration);

    /// <summary>The one reading of <c>Portal:EvaluationDays</c>, for the matter page and the statistics alike.</summary>
    public static int EvaluationDaysIn(IConfiguration configuration) =>
        Math.Clamp(configuration.GetValue("Portal:EvaluationDays", Satisfaction.DefaultWindowDays), 1, 365);

    /// <summary><c>Portal:ReturnVisitDays</c>: days the unit has to visit a petitioner who rated it 不满意.</summary>
    public int ReturnVisitDays { get; } = Math.Clamp(configuration.GetValue("Portal:ReturnVisitDays", 15), 1, 365);

    public DateOnly Today => ChinaTime.DateOf(time.GetUtcNow());

    public async Task<Result<MatterView>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var matter = await LoadAsync(id, tracking: false, cancellationToken);
        return matter is null ? NotFound() : MatterView.Of(matter, staff, await ContextAsync(cancellationToken));
    }

    public sealed record PetitionerIdentity(Guid Id, string Name, string? IdNumber, string? Phone, string? Address, bool IsRepresentative);

    /// <summary>
    /// The petitioners' unmasked identifiers, for staff who must contact or verify them. Only those who may know the
    /// identity see it, and every such view is written to the audit trail (who saw whose data, when).
    /// </summary>
    public async Task<Result<IReadOnlyList<PetitionerIdentity>>> RevealAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var matter = await LoadAsync(id, tracking: false, cancellationToken);
        if (matter is null)
        {
            return NotFound();
        }

        if (!Confidentiality.MaySeeIdentity(matter, staff.Actor))
        {
            return Error.Forbidden("matter.identity-withheld", "检举控告人的身份信息依法保密，您无权查看（《信访工作条例》第三十条）。");
        }

        db.RecordView(nameof(Matter), matter.Id.ToString(), $"查看 {matter.Number} 信访人的完整身份证号和联系电话");
        await db.SaveChangesAsync(cancellationToken);
        return matter.Petitioners.OrderBy(p => p.Order)
            .Select(p => new PetitionerIdentity(p.Id, p.Name, p.IdNumber, p.Phone, p.Address, p.IsRepresentative)).ToList();
    }

    public async Task<Result<MatterView>> RegisterAsync(RegistrationInput input, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (!staff.Has(Roles.Registrar))
        {
            return Error.Forbidden("matter.forbidden", "只有登记员可以登记信访事项。");
        }

        if (input.RepeatOf is { } repeatOf && !await db.VisibleMatters(staff).AnyAsync(m => m.Id == repeatOf, cancellationToken))
        {
            return Error.Validation("matter.repeat-of-not-found", "标记为重复件的原事项不存在，请重新选择。", "repeatOf");
        }

        return await RegisterAtAsync(input, idempotencyKey, staff.UserName, staff.UnitId, null, cancellationToken);
    }

    /// <summary>
    /// 凡访必登 for the public portal (第十七条 信息网络): the same registration, numbering, repeat check and idempotency as
    /// at the counter, registered at the bureau as an <c>online</c> matter dated today, so it waits in the registrar's
    /// 待处置 queue like any other. The caller has already checked the petitioner's consent.
    /// </summary>
    /// <param name="alsoAdd">Adds what comes with the submission (the petitioner's files) to the same transaction; not called on a replay.</param>
    public Task<Result<MatterView>> RegisterOnlineAsync(RegistrationInput input, Guid bureauId, string? idempotencyKey, Action<Matter>? alsoAdd = null,
                                                        CancellationToken cancellationToken = default) =>
        RegisterAtAsync(input with { Channel = Domain.Intake.Channel.Online, ReceivedOn = Today, RepeatOf = null }, idempotencyKey, OnlineRegistrar, bureauId, alsoAdd,
            cancellationToken);

    private async Task<Result<MatterView>> RegisterAtAsync(RegistrationInput input, string? idempotencyKey, string owner, Guid unitId, Action<Matter>? alsoAdd,
                                                           CancellationToken cancellationToken)
    {
        // A retry answers at once; it is asked again under the lock, where a retry racing its original meets it.
        async Task<Result<MatterView>?> ReplayAsync() =>
            idempotencyKey is null ? null : await idempotency.FindAsync(owner, idempotencyKey, input, cancellationToken);
        if (await ReplayAsync() is { } early)
        {
            return early;
        }

        var current = await reference.CurrentAsync(cancellationToken);
        var context = Context(current);
        var unit = context.UnitOf(unitId);
        if (unit is null)
        {
            return Error.Forbidden("matter.forbidden", "您的账户没有有效的所属单位，不能登记。");
        }

        // Validation and the repeat check only read, so they run before the write lock that every registration on
        // every server takes in turn: bad input never queues, and the lock is held for numbering and writing alone.
        // A matter registered in the same instant elsewhere may be missed as a repeat; the check is advice.
        if (!Registration.Register(input, "", "", unit.Id, context).TryGet(out var draft, out var invalid))
        {
            return invalid;
        }

        var repeats = (await repeatFinder.ForAsync(draft.Matter, cancellationToken, scoped: false)).Take(5).Select(r => r.ToCandidate()).ToList();

        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        if (await ReplayAsync() is { } replay)
        {
            return replay;
        }

        var queryCode = QueryCode.Generate(RandomNumberGenerator.GetInt32);
        var year = input.ReceivedOn.Year;
        var number = Numbering.MatterNumber(unit, year, await Counter.NextAsync(db, Numbering.MatterScope(unit, year), cancellationToken));
        // A repeat chosen on the form is linked as a confirmed link is (RepeatLinks), so that the earlier matter counts it.
        if (!Registration.Register(input with { RepeatOf = null }, number, QueryCode.Hash(number, queryCode), unit.Id, context).TryGet(out var created, out var error))
        {
            return error; // not reached: the same input passed above; the transaction rolls back and the number is not used
        }

        var (matter, change) = created;
        if (input.RepeatOf is { } repeatOf
            && (await RepeatLinks.ConfirmAsync(db, matter, repeatOf, repeats.FirstOrDefault(r => r.MatterId == repeatOf), null, owner,
                time.GetUtcNow().UtcDateTime, cancellationToken)).Error is { } linkError)
        {
            return linkError;
        }

        matter.SuggestRepeats(repeats);
        matter.SuggestRoute(RoutingAdvice.Suggest(matter, current.RoutingRules, context.Units, current.CategoryNames));
        var receipt = matter.Apply(change, [number], owner, time.GetUtcNow().UtcDateTime); // the receipt carries the matter's number
        db.Matters.Add(matter);
        await problems.SyncAsync(matter, Today, cancellationToken); // and the matter it repeats: 办理后仍重复信访
        await NoticeDocuments.WriteAsync(db, receipt, change.Details, cancellationToken);
        var view = MatterView.Of(matter, staff, context) with { QueryCode = queryCode };
        if (idempotencyKey is not null)
        {
            await idempotency.RememberAsync(owner, idempotencyKey, input, view, cancellationToken);
        }

        alsoAdd?.Invoke(matter);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return view;
    }

    public async Task<Result<MatterView>> ActAsync(Guid id, MatterCommand command, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        var matter = await LoadAsync(id, tracking: true, cancellationToken);
        if (matter is null)
        {
            return NotFound();
        }

        if (expectedVersion is { } version && version != matter.Version)
        {
            return new Error(ErrorKind.Stale, "concurrency.stale", "数据已被修改",
                $"该事项已被他人修改（您看到的是第 {version} 版，当前是第 {matter.Version} 版），请刷新后重试。");
        }

        var context = await ContextAsync(cancellationToken);
        var decided = await DecideAndApplyAsync(matter, command, context, staff.UserName, cancellationToken);
        if (!decided.TryGet(out var change, out var error))
        {
            return error;
        }

        if (!change.AlreadyDone)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return MatterView.Of(matter, staff, context);
    }

    /// <summary>
    /// An action of the petitioner themself through the portal (evaluate, request a review or recheck): the caller has
    /// proved the query code; the matter is loaded without staff scope and decided with <see cref="Actor.Petitioner"/>.
    /// </summary>
    public Task<Result<Matter>> ActForPetitionerAsync(Guid id, MatterCommand command, CancellationToken cancellationToken = default) =>
        ActUnscopedAsync(id, command, Actor.Petitioner, cancellationToken);

    /// <summary>
    /// A review or recheck request made on the portal after its window: the system refuses it at once with the
    /// 不予受理告知书 (第三十五条、第三十六条), so the petitioner reads the refusal where they asked.
    /// </summary>
    public Task<Result<Matter>> DeclineLateForPetitionerAsync(Guid id, CancellationToken cancellationToken = default) =>
        ActUnscopedAsync(id, new DeclineLateRequest("网上逾期申请，不予受理"), Actor.System, cancellationToken);

    private async Task<Result<Matter>> ActUnscopedAsync(Guid id, MatterCommand command, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        var matter = await Load(db.Matters, tracking: true).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (matter is null)
        {
            return NotFound();
        }

        var context = await ContextAsync(cancellationToken) with { Actor = actor };
        var decided = await DecideAndApplyAsync(matter, command, context, actor.Name, cancellationToken);
        if (!decided.TryGet(out var change, out var error))
        {
            return error;
        }

        if (!change.AlreadyDone)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return matter;
    }

    /// <summary>
    /// The daily archiving (LIFECYCLE.md "close"): every concluded or reviewed matter whose petitioner's window ran
    /// out by <paramref name="asOf"/> is closed by the system. Under the chain lock, so servers running it at the same
    /// time close each matter once; running it again finds nothing left to do.
    /// </summary>
    public async Task<int> CloseExpiredAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        var context = await ContextAsync(cancellationToken) with { Actor = Actor.System, Today = asOf };
        var candidates = await db.Matters
            .Where(m => (m.Status == MatterStatus.Concluded || m.Status == MatterStatus.Reviewed)
                && m.Deadlines.Any(d => (d.Code == PeriodRules.ReviewRequest || d.Code == PeriodRules.RecheckRequest) && d.State == DeadlineState.Open && d.DueOn < asOf))
            .Include(m => m.Petitioners).Include(m => m.Deadlines).Include(m => m.Notices).Include(m => m.Events)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var matter in candidates)
        {
            var window = matter.OpenDeadline(matter.Status == MatterStatus.Reviewed ? PeriodRules.RecheckRequest : PeriodRules.ReviewRequest);
            var on = window is null ? asOf : window.DueOn.AddDays(1);
            if ((await DecideAndApplyAsync(matter, new Close(on < matter.LastStepOn ? matter.LastStepOn : on), context, Actor.System.Name, cancellationToken)).IsSuccess)
            {
                closed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return closed;
    }

    private async Task<Result<MatterChange>> DecideAndApplyAsync(Matter matter, MatterCommand command, DecisionContext context, string by, CancellationToken cancellationToken)
    {
        var decided = Lifecycle.Decide(matter, command, context);
        if (!decided.TryGet(out var change, out var error) || change.AlreadyDone)
        {
            return decided;
        }

        var numbers = new List<string>(change.Notices.Count);
        foreach (var draft in change.Notices)
        {
            numbers.Add(await NoticeNumberAsync(draft, change.On, context, cancellationToken));
        }

        var issued = matter.Apply(change, numbers, by, time.GetUtcNow().UtcDateTime);
        await NoticeDocuments.WriteAsync(db, issued, change.Details, cancellationToken);
        if (change.Evaluation is { Rating: Rating.Dissatisfied } evaluation)
        {
            db.Add(ReturnVisitFor(matter, evaluation));
        }

        // The supervision flags change with the matter, in its transaction (集中督查督办).
        await problems.SyncAsync(matter, Today, cancellationToken);

        return change;
    }

    /// <summary>
    /// 不满意 puts a 回访 on the desk of the body rated: the bureau for its own work, otherwise the body whose opinion
    /// was rated (the handling unit, the review body or the recheck body).
    /// </summary>
    private ReturnVisit ReturnVisitFor(Matter matter, Evaluation evaluation)
    {
        var unit = evaluation.Target == EvaluationTarget.Bureau
            ? matter.RegisteringUnitId
            : evaluation.Stage switch
            {
                3 => matter.RecheckBodyId,
                2 => matter.ReviewBodyId,
                _ => matter.UnitId,
            } ?? matter.UnitId ?? matter.RegisteringUnitId;
        return new ReturnVisit
        {
            Id = Guid.CreateVersion7(), MatterId = matter.Id, MatterNumber = matter.Number, UnitId = unit, Target = evaluation.Target,
            Stage = evaluation.Stage, RatedOn = evaluation.On, DueOn = evaluation.On.AddDays(ReturnVisitDays),
        };
    }

    public async Task<DecisionContext> ContextAsync(CancellationToken cancellationToken = default) =>
        Context(await reference.CurrentAsync(cancellationToken));

    private DecisionContext Context(Reference current) =>
        new(staff.Actor, Today, current.Deadlines, current.Units) { Categories = current.ActiveCategories, EvaluationDays = EvaluationDays };

    private Task<Matter?> LoadAsync(Guid id, bool tracking, CancellationToken cancellationToken) =>
        Load(db.VisibleMatters(staff), tracking).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>A matter with everything a decision looks at.</summary>
    public static IQueryable<Matter> Load(IQueryable<Matter> matters, bool tracking)
    {
        var query = matters
            .Include(m => m.Petitioners).Include(m => m.Deadlines).Include(m => m.Notices).Include(m => m.Events)
            .AsSplitQuery();
        return tracking ? query : query.AsNoTracking();
    }

    private async Task<string> NoticeNumberAsync(NoticeDraft draft, DateOnly on, DecisionContext context, CancellationToken cancellationToken)
    {
        var issuer = context.Units[draft.IssuingUnitId];
        var sequence = await Counter.NextAsync(db, Numbering.NoticeScope(issuer, draft.Kind, on.Year), cancellationToken);
        return Numbering.NoticeNumber(issuer, draft.Kind, on.Year, sequence);
    }

    private static Error NotFound() => Error.NotFound("matter.not-found", "该信访事项不存在，或不在您的查看范围内。");
}
