using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Domain.Supervision;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Configurations;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Matters;

/// <summary>The filters of <c>GET /matters</c> (API.md), all optional.</summary>
public sealed record MatterFilter(
    MatterStatus[]? Status = null, Guid? UnitId = null, Purpose? Purpose = null, string? CategoryCode = null, Channel? Channel = null,
    DateOnly? From = null, DateOnly? To = null, int? DueWithin = null, bool? Overdue = null, string? Q = null, int Page = 1, int PageSize = 50)
{
    /// <summary>Seek pagination: the page after this cursor (<see cref="Page{T}.Next"/> of the page before); <see cref="Page"/> is then ignored.</summary>
    public string? After { get; init; }

    /// <summary>Count every match rather than stopping at <see cref="MatterList.CountCap"/> (<c>count=exact</c>).</summary>
    public bool ExactCount { get; init; }

    /// <summary>A handler's opinion waiting for the unit head (an accepted matter with a conclusion is a draft).</summary>
    public bool AwaitingApproval { get; init; }

    /// <summary>Matters with a notice this unit issued and has not yet delivered.</summary>
    public Guid? UndeliveredBy { get; init; }

    /// <summary>Matters with a notice the viewer's own unit issued and has not yet delivered (<c>undelivered=true</c>: the desk's 待送达).</summary>
    public bool Undelivered { get; init; }

    /// <summary>Matters under review or recheck by this body.</summary>
    public Guid? ReviewingBody { get; init; }

    /// <summary>Matters flagged with this problem type of concentrated supervision (the stored flags, <see cref="MatterProblems"/>).</summary>
    public ProblemType? Problem { get; init; }

    /// <summary>True: only matters set aside as spam (垃圾信息); false: none of them (the 待处置 queue); null: all.</summary>
    public bool? Spam { get; init; }
}

public sealed record NextDue(string Code, string Name, DateOnly Due, bool Overdue, int WorkingDaysLeft, bool Provisional);

public sealed record MatterSummary(Guid Id, string Number, string Title, MatterStatus Status, string StatusLabel, DateOnly ReceivedOn, Channel Channel,
                                   Purpose Purpose, Guid? UnitId, string? UnitName, IReadOnlyList<MatterFlag> Flags, string Petitioner, int Headcount, NextDue? NextDue)
{
    /// <summary>Where the routing rules propose to send a registered matter (the registrar's queue shows it).</summary>
    public RoutingSuggestion? Suggestion { get; init; }

    /// <summary>For a search (<c>q</c>): the part of the content around the first word searched for.</summary>
    public string? Snippet { get; init; }
}

/// <summary>An earlier matter of the person being registered, and what links them (the "same person before?" panel).</summary>
public sealed record PriorOfPerson(Guid Id, string Number, DateOnly ReceivedOn, string Title, MatterStatus Status, string StatusLabel, bool SameIdNumber, bool SamePhone);

/// <summary>
/// One page. <see cref="Total"/> is exact when <see cref="TotalExact"/>; otherwise there are more than
/// <see cref="Total"/> matches and counting stopped there. <see cref="Next"/> is the cursor of the following page
/// (<c>after=</c>), null on the last one.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public bool TotalExact { get; init; } = true;

    public string? Next { get; init; }
}

/// <summary>Queues and searches over the matters the viewer may see, sorted by the nearest open duty deadline.</summary>
public sealed class MatterList(XinfangDb db, Staff staff, ReferenceData reference, TimeProvider time, IdentifierHash identifiers)
{
    public const int MaxPageSize = 200;

    /// <summary>Counting stops after this many matches unless an exact count is asked for: a list needs "more than 10,000", not a scan of a million rows.</summary>
    public const int CountCap = 10_000;

    public async Task<Result<Page<MatterSummary>>> FindAsync(MatterFilter filter, CancellationToken cancellationToken = default)
    {
        if (filter.Page < 1 || filter.PageSize is < 1 or > MaxPageSize)
        {
            return Error.Validation("request.paging-invalid", $"page 从 1 开始，pageSize 在 1 到 {MaxPageSize} 之间。", "pageSize");
        }

        if (filter.DueWithin is < 0 or > 366)
        {
            return Error.Validation("request.due-within-invalid", "dueWithin 为 0 到 366 个工作日。", "dueWithin");
        }

        if (filter is { From: { } start, To: { } end } && start > end)
        {
            return Error.Validation("request.date-range-reversed", "收到日期的起日晚于止日，请检查后再查。", "from");
        }

        ListCursor? after = null;
        if (filter.After is { } cursor && (after = ListCursor.Parse(cursor)) is null)
        {
            return Error.Validation("request.cursor-invalid", "after 参数不是有效的翻页位置，请从第一页重新翻页。", "after");
        }

        var today = ChinaTime.DateOf(time.GetUtcNow());
        var rules = (await reference.CurrentAsync(cancellationToken)).Deadlines;
        var calendar = rules.Calendar;
        var query = db.VisibleMatters(staff).AsNoTracking();
        if (filter.Status is { Length: > 0 } statuses)
        {
            query = query.Where(m => statuses.Contains(m.Status));
        }

        if (filter.UnitId is { } unit)
        {
            query = query.Where(m => m.UnitId == unit);
        }

        if (filter.AwaitingApproval)
        {
            query = query.Where(m => m.Status == MatterStatus.Accepted && m.Conclusion != null);
        }

        if ((filter.UndeliveredBy ?? (filter.Undelivered ? staff.UnitId : null)) is { } issuer)
        {
            query = query.Where(m => m.Notices.Any(n => n.IssuingUnitId == issuer && n.DeliveredOn == null && n.Kind != NoticeKind.Receipt));
        }

        if (filter.ReviewingBody is { } body)
        {
            query = query.Where(m => m.Status == MatterStatus.UnderReview && m.ReviewBodyId == body || m.Status == MatterStatus.UnderRecheck && m.RecheckBodyId == body);
        }

        if (filter.Spam is { } spam)
        {
            query = spam ? query.Where(m => m.Spam != null) : query.Where(m => m.Spam == null);
        }

        if (filter.Purpose is { } purpose)
        {
            query = query.Where(m => m.Purpose == purpose);
        }

        if (!string.IsNullOrWhiteSpace(filter.CategoryCode))
        {
            var code = filter.CategoryCode.Trim();
            var prefix = code + ".";
            query = query.Where(m => m.CategoryCode == code || m.CategoryCode!.StartsWith(prefix));
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(m => m.Channel == channel);
        }

        if (filter.From is { } from)
        {
            query = query.Where(m => m.ReceivedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(m => m.ReceivedOn <= to);
        }

        if (filter.DueWithin is { } within)
        {
            var limit = Periods.Due(calendar, today, Math.Max(within, 0), PeriodKind.Working, rollForward: false).Due;
            query = query.Where(m => m.NextDueOn <= limit); // some open duty deadline is due by then iff the nearest one is
        }

        if (filter.Overdue == true)
        {
            query = query.Where(m => m.NextDueOn < today);
        }
        else if (filter.Overdue == false)
        {
            // Not overdue: with dueWithin=0 this is "due today" (the registrar's 今日到期).
            query = query.Where(m => m.NextDueOn >= today);
        }

        if (filter.Problem is { } type)
        {
            query = query.Where(m => db.Set<MatterProblem>().Any(p => p.MatterId == m.Id && p.Type == type));
        }

        MatterSearch? search = null;
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var parsed = MatterSearch.Parse(filter.Q, identifiers, today);
            if (!parsed.TryGet(out search, out var problem))
            {
                return problem;
            }

            query = search.Apply(query, db, staff);
        }

        var counted = filter.ExactCount ? await query.CountAsync(cancellationToken) : await query.Take(CountCap + 1).CountAsync(cancellationToken);
        var ordered = query.OrderBy(m => m.NextDueOn).ThenByDescending(m => m.ReceivedOn).ThenByDescending(m => m.Number);
        IQueryable<Matter> paged;
        if (after is { } a)
        {
            // The rows after the cursor in the list's order: the index is entered at the cursor, not walked from the start.
            var (due, received, number) = (a.NextDueOn, a.ReceivedOn, a.Number);
            paged = ordered.Where(m => m.NextDueOn > due
                || m.NextDueOn == due && (m.ReceivedOn < received || m.ReceivedOn == received && string.Compare(m.Number, number) < 0));
        }
        else
        {
            paged = ordered.Skip((filter.Page - 1) * filter.PageSize);
        }

        var rows = await paged.Take(filter.PageSize)
            .Select(m => new
            {
                m.Id, m.Number, m.Title, m.Status, m.ReceivedOn, m.Channel, m.Purpose, m.ReferredToUnitId, m.UnitId, m.Flags, m.Headcount, m.Suggestion,
                m.NextDueOn, m.NextDueCode, m.NextDueProvisional,
                UnitName = db.Units.Where(u => u.Id == m.UnitId).Select(u => u.Name).FirstOrDefault(),
                Petitioner = m.Petitioners.OrderBy(p => p.Order).Select(p => p.Name).FirstOrDefault(),
                Content = search == null ? null : m.Content,
            })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r =>
        {
            // Lists show a name masked for units; an accuser's name not at all.
            var petitioner = !Confidentiality.MaySeeIdentity(r.Purpose, r.ReferredToUnitId, staff.Actor) ? "（保密）"
                : staff.IsBureau ? r.Petitioner ?? "" : Mask.Name(r.Petitioner);
            var due = r.NextDueCode is not { } code ? null : new NextDue(code, DueName(rules, code), r.NextDueOn, r.NextDueOn < today,
                DeadlineStatus.WorkingDaysLeft(calendar, today, r.NextDueOn), r.NextDueProvisional);
            return new MatterSummary(r.Id, r.Number, r.Title, r.Status, r.Status.ToChinese(), r.ReceivedOn, r.Channel, r.Purpose,
                r.UnitId, r.UnitName, r.Flags, petitioner, r.Headcount, due)
            {
                Suggestion = r.Status == MatterStatus.Registered ? r.Suggestion : null,
                Snippet = search is null ? null : Snippets.Around(r.Content, search.Highlights),
            };
        }).ToList();
        var last = rows.Count == filter.PageSize ? rows[^1] : null;
        return new Page<MatterSummary>(items, Math.Min(counted, filter.ExactCount ? int.MaxValue : CountCap), filter.Page, filter.PageSize)
        {
            TotalExact = filter.ExactCount || counted <= CountCap,
            Next = last is null ? null : new ListCursor(last.NextDueOn, last.ReceivedOn, last.Number).ToString(),
        };
    }

    /// <summary>
    /// The earlier matters of whoever has one of these ID numbers or phones, newest first, as the registrar types them.
    /// Values that are not valid yet are ignored; the comparison is on the stored normal forms.
    /// </summary>
    public async Task<(IReadOnlyList<PriorOfPerson> Items, int Total)> OfPersonAsync(IEnumerable<string?> idNumbers, IEnumerable<string?> phones,
                                                                                     int take = 10, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var ids = idNumbers.Select(i => IdNumber.Parse(i, today)).Where(r => r.IsSuccess).Select(r => r.Value.Normalized).Distinct().ToList();
        var tels = phones.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => PhoneNumber.Normalize(p)).Where(r => r.IsSuccess).Select(r => r.Value).Distinct().ToList();
        if (ids.Count == 0 && tels.Count == 0)
        {
            return ([], 0);
        }

        // Through the keyed hashes: the identifiers themselves are encrypted with a random nonce.
        var idHashes = ids.Select(i => identifiers.Of(IdentifierKind.IdNumber, i)).ToList();
        var phoneHashes = tels.Select(t => identifiers.Of(IdentifierKind.Phone, t)).ToList();
        var query = db.VisibleMatters(staff).AsNoTracking()
            .Where(m => m.Petitioners.Any(p => idHashes.Contains(EF.Property<string?>(p, PetitionerConfiguration.IdNumberHash))
                                               || phoneHashes.Contains(EF.Property<string?>(p, PetitionerConfiguration.PhoneHash))));
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(m => m.ReceivedOn).ThenByDescending(m => m.Number).Take(take)
            .Select(m => new
            {
                m.Id, m.Number, m.ReceivedOn, m.Title, m.Status,
                SameId = m.Petitioners.Any(p => idHashes.Contains(EF.Property<string?>(p, PetitionerConfiguration.IdNumberHash))),
                SamePhone = m.Petitioners.Any(p => phoneHashes.Contains(EF.Property<string?>(p, PetitionerConfiguration.PhoneHash))),
            })
            .ToListAsync(cancellationToken);
        return (rows.Select(r => new PriorOfPerson(r.Id, r.Number, r.ReceivedOn, r.Title, r.Status, r.Status.ToChinese(), r.SameId, r.SamePhone)).ToList(), total);
    }

    private static string DueName(DeadlineRules rules, string code) => rules.NameOf(code);
}
