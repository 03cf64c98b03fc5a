using System.Text.Json.Serialization;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Matters;

public sealed record PetitionerView(Guid Id, string Name, string? IdNumberMasked, string? PhoneMasked, string? Address, bool IsRepresentative, Sex? Sex);

public sealed record DeadlineView(string Code, string Name, string Article, DateOnly StartOn, DateOnly Due, bool Provisional, DeadlineState State,
                                  DateOnly? ClosedOn, bool IsDuty, bool Overdue, int? WorkingDaysLeft, IReadOnlyList<DueReason> Explanation);

/// <summary>A row of history; its data is the details record of its action as the API shows it (with the schema version <c>v</c>).</summary>
public sealed record EventView(DateTime At, DateOnly On, MatterAction Action, string ActionLabel, MatterStatus? From, MatterStatus To, string By, string? Note)
{
    [JsonIgnore]
    public EventDetails? Details { get; init; }

    // Declared as object so that the API writes the record's own properties, not only those of the base type.
    public object? Data => Details;
}

public sealed record NoticeView(Guid Id, NoticeKind Kind, string KindLabel, string Number, Recipient Recipient, Guid IssuingUnitId, DateOnly IssuedOn,
                                DateOnly? DeliveredOn, DeliveryMethod? DeliveryMethod)
{
    /// <summary>The notice this one corrects (更正), if it is a correction.</summary>
    public Guid? CorrectsId { get; init; }

    /// <summary>The later notice that corrects this one: it is superseded.</summary>
    public Guid? CorrectedById { get; init; }
}

public sealed record RepeatCandidateView(Guid MatterId, string Number, double Score, IReadOnlyList<string> Reasons, bool SameFactsAsFinalized);

/// <summary>A matter as API.md describes it, for one viewer: identifiers masked, an accuser hidden from those who may not know.</summary>
public sealed record MatterView(
    Guid Id, string Number, int Version, MatterStatus Status, string StatusLabel,
    Channel Channel, DateOnly ReceivedOn, Purpose Purpose, string? CategoryCode, string Title, string Content, IReadOnlyList<string> Demands, int Headcount,
    IReadOnlyList<PetitionerView> Petitioners, bool IdentityWithheld, Guid RegisteringUnitId, Guid? UnitId, string? UnitName, DateOnly? UnitReceivedOn,
    Guid? LocationUnitId, IReadOnlyList<MatterFlag> Flags, bool Simplified, bool Assigned, DateOnly? AcceptedOn, int ExtensionDays,
    Accused? Accused, SuperiorAssignment? Superior, Guid? ReviewBodyId, Guid? RecheckBodyId, Guid? ReferredToUnitId,
    RouteChannel? RoutedTo, string? RoutedBody, DeclineReason? DeclineReason, Guid? RelatedMatterId,
    Conclusion? Conclusion, Implementation? Implementation, BodyOpinion? ReviewOpinion, BodyOpinion? RecheckOpinion, IReadOnlyList<Evaluation> Evaluations,
    IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<MatterAction> AllowedActions,
    RoutingSuggestion? Suggestion, Guid? RepeatOf, IReadOnlyList<RepeatCandidateView> RepeatCandidates, IReadOnlyList<EventView> Events, IReadOnlyList<NoticeView> Notices)
{
    /// <summary>Why this matter is suggested for a leader's package (领导包案), if it is.</summary>
    public IReadOnlyList<string> PackageSuggested { get; init; } = [];

    /// <summary>A mediation is on record, so the matter may be concluded by a mediation agreement (第三十三条).</summary>
    public bool HasMediationOnRecord { get; init; }

    /// <summary>Where the viewer may transfer or assign it now (有权处理的单位, never the accused unit), when they may.</summary>
    public IReadOnlyList<Guid> Receivers { get; init; } = [];

    /// <summary>Where the viewer may refer it now (纪检监察、政法), when they may.</summary>
    public IReadOnlyList<Guid> ReferralTargets { get; init; } = [];

    /// <summary>The notices the viewer may record as delivered: undelivered ones their unit issued.</summary>
    public IReadOnlyList<Guid> Deliverable { get; init; } = [];

    /// <summary>The notices the viewer may correct (更正): their unit issued them and no later notice corrects them.</summary>
    public IReadOnlyList<Guid> Correctable { get; init; } = [];

    /// <summary>The names local period rules are qualified by (flags and channel, e.g. <c>urgent</c>), for showing the rules that apply.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Qualifiers { get; init; } = [];

    /// <summary>How many later matters were confirmed as repeats of this one (重复信访, issue 14).</summary>
    public int RepeatCount { get; init; }

    /// <summary>垃圾信息: set aside by the registrar with a reason (kept and counted, out of the 待处置 queue), or null.</summary>
    public SpamMark? Spam { get; init; }

    /// <summary>
    /// Where the petitioner's evaluation of each body stands for the opinion now open to it (待评价, 已评价, 超期未评价),
    /// empty before an opinion is delivered. A rating staff recorded is marked <c>onBehalf</c> in <see cref="Evaluations"/>.
    /// </summary>
    public IReadOnlyList<EvaluationStateView> EvaluationStates { get; init; } = [];

    /// <summary>Only in the response that registered the matter: the petitioner's query code is stored hashed and never shown again.</summary>
    public string? QueryCode { get; init; }

    public static MatterView Of(Matter m, Staff staff, DecisionContext context)
    {
        var identity = Confidentiality.MaySeeIdentity(m, staff.Actor);
        var allowed = Lifecycle.Allowed(m, context);
        IReadOnlyList<PetitionerView> petitioners = identity
            ? m.Petitioners.OrderBy(p => p.Order).Select(p => new PetitionerView(p.Id, p.Name, Mask(p.IdNumber, Domain.Intake.Mask.IdNumber),
                Mask(p.Phone, Domain.Intake.Mask.Phone), p.Address, p.IsRepresentative, p.Sex)).ToList()
            : [new PetitionerView(Guid.Empty, "（检举控告人信息保密）", null, null, null, false, null)];
        return new MatterView(m.Id, m.Number, m.Version, m.Status, m.Status.ToChinese(), m.Channel, m.ReceivedOn, m.Purpose, m.CategoryCode,
            m.Title, m.Content, m.Demands, m.Headcount, petitioners, !identity, m.RegisteringUnitId, m.UnitId, context.NameOf(m.UnitId) is { Length: > 0 } n ? n : null,
            m.UnitReceivedOn, m.LocationUnitId, m.Flags, m.Simplified, m.IsAssigned, m.AcceptedOn, m.ExtensionDays,
            identity ? m.Accused : null, m.Superior, m.ReviewBodyId, m.RecheckBodyId, m.ReferredToUnitId,
            m.RoutedTo, m.RoutedBody, m.DeclineReason, m.RelatedMatterId,
            m.Conclusion, m.Implementation, m.ReviewOpinion, m.RecheckOpinion, m.Evaluations,
            m.Deadlines.OrderBy(d => d.StartOn).ThenBy(d => d.DueOn).Select(d => Deadline(d, context)).ToList(),
            allowed, m.Suggestion, m.RepeatOfId,
            // Suggestions stored at registration name matters across the district: the bureau's to read. A unit asks
            // GET …/repeat-candidates, which answers within its own scope.
            staff.IsBureau
                ? m.RepeatCandidates.Select(c => new RepeatCandidateView(c.MatterId, c.Number, Math.Round(c.Score, 2), c.Reasons, c.SameFactsAsFinalized)).ToList()
                : [],
            m.Events.OrderBy(e => e.Id).Select(Event).ToList(),
            m.Notices.OrderBy(n => n.IssuedOn).ThenBy(n => n.Number).Select(n => Notice(n) with
            {
                CorrectedById = m.Notices.FirstOrDefault(c => c.CorrectsId == n.Id)?.Id,
            }).ToList())
        {
            PackageSuggested = m.Status.IsFinal() ? [] : PackageAdvice.Reasons(m),
            HasMediationOnRecord = m.HasMediationOnRecord,
            Receivers = allowed.Contains(MatterAction.Transfer) || allowed.Contains(MatterAction.Assign)
                ? Lifecycle.Receivers(m, context).Select(u => u.Id).ToList()
                : [],
            ReferralTargets = allowed.Contains(MatterAction.Refer) ? Lifecycle.ReferralTargets(m, context).Select(u => u.Id).ToList() : [],
            Deliverable = allowed.Contains(MatterAction.Deliver) ? Lifecycle.Deliverable(m, context).Select(n => n.Id).ToList() : [],
            Correctable = allowed.Contains(MatterAction.Reissue) ? Lifecycle.Correctable(m, context).Select(n => n.Id).ToList() : [],
            Qualifiers = [.. m.Qualifiers],
            RepeatCount = m.RepeatCount,
            Spam = m.Spam,
            EvaluationStates = EvaluationStateView.Of(m, context),
        };
    }

    public static DeadlineView Deadline(Deadline d, DecisionContext context)
    {
        var rule = context.Deadlines.RuleOf(d);
        var name = d.Code switch
        {
            Domain.Matters.Deadline.Assigned => "交办报送期限",
            Domain.Matters.Deadline.Superior => "上级交办期限",
            _ => rule.Name,
        };
        var explained = context.Deadlines.Due(d, explain: true);
        var open = d.State == DeadlineState.Open;
        return new DeadlineView(d.Code, name, d.IsFixed ? "第二十二条" : rule.Article, d.StartOn, d.DueOn, d.Provisional, d.State, d.ClosedOn, d.IsDuty,
            d.IsOverdue(context.Today), open ? DeadlineStatus.WorkingDaysLeft(context.Deadlines.Calendar, context.Today, d.DueOn) : null, explained.Explanation);
    }

    public static EventView Event(MatterEvent e) => new(e.At, e.On, e.Action, e.Action.ToChinese(), e.From, e.To, e.By, e.Note) { Details = e.Details };

    public static NoticeView Notice(Notice n) => new(n.Id, n.Kind, n.Kind.ToChinese(), n.Number, n.Recipient, n.IssuingUnitId, n.IssuedOn, n.DeliveredOn, n.DeliveryMethod)
    {
        CorrectsId = n.CorrectsId,
    };

    private static string? Mask(string? value, Func<string?, string> mask) => value is null ? null : mask(value);
}

/// <summary>The evaluation of one body (信访部门 or 责任单位) for the current opinion: its state, label and last day.</summary>
public sealed record EvaluationStateView(EvaluationTarget Target, EvaluationState State, string Label, DateOnly WindowEnds)
{
    public static IReadOnlyList<EvaluationStateView> Of(Matter m, DecisionContext context) =>
        Satisfaction.WindowEnds(m, context.EvaluationDays) is { } ends
            ? Enum.GetValues<EvaluationTarget>().Select(t => Of(t, Satisfaction.State(m, t, context.Today, context.EvaluationDays), ends)).ToList()
            : [];

    private static EvaluationStateView Of(EvaluationTarget target, EvaluationState state, DateOnly ends) => new(target, state, state.ToChinese(), ends);
}
