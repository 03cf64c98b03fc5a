using System.Text.Json;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Matters;

public sealed record PetitionerView(Guid Id, string Name, string? IdNumberMasked, string? PhoneMasked, string? Address, bool IsRepresentative, Sex? Sex);

public sealed record DeadlineView(string Code, string Name, string Article, DateOnly StartOn, DateOnly Due, bool Provisional, DeadlineState State,
                                  DateOnly? ClosedOn, bool IsDuty, bool Overdue, int? WorkingDaysLeft, IReadOnlyList<DueReason> Explanation);

public sealed record EventView(DateTime At, DateOnly On, MatterAction Action, string ActionLabel, MatterStatus? From, MatterStatus To, string By, string? Note, JsonElement? Data);

public sealed record NoticeView(Guid Id, NoticeKind Kind, string KindLabel, string Number, Recipient Recipient, Guid IssuingUnitId, DateOnly IssuedOn,
                                DateOnly? DeliveredOn, DeliveryMethod? DeliveryMethod);

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
    Domain.Routing.RoutingSuggestion? Suggestion, Guid? RepeatOf, IReadOnlyList<RepeatCandidateView> RepeatCandidates, IReadOnlyList<EventView> Events, IReadOnlyList<NoticeView> Notices)
{
    /// <summary>Why this matter is suggested for a leader's package (领导包案), if it is.</summary>
    public IReadOnlyList<string> PackageSuggested { get; init; } = [];

    /// <summary>Only in the response that registered the matter: the petitioner's query code is stored hashed and never shown again.</summary>
    public string? QueryCode { get; init; }

    public static MatterView Of(Matter m, Staff staff, DecisionContext context)
    {
        var identity = MatterAccess.MaySeeIdentity(m, staff);
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
            Lifecycle.Allowed(m, context), m.Suggestion, m.RepeatOfId,
            m.RepeatCandidates.Select(c => new RepeatCandidateView(c.MatterId, c.Number, Math.Round(c.Score, 2), c.Reasons, c.SameFactsAsFinalized)).ToList(),
            m.Events.OrderBy(e => e.Id).Select(Event).ToList(),
            m.Notices.OrderBy(n => n.IssuedOn).ThenBy(n => n.Number).Select(Notice).ToList())
        {
            PackageSuggested = m.Status.IsFinal() ? [] : PackageAdvice.Reasons(m),
        };
    }

    public static DeadlineView Deadline(Deadline d, DecisionContext context)
    {
        var rule = context.Clocks.RuleOf(d);
        var name = d.Code switch
        {
            Domain.Matters.Deadline.Assigned => "交办报送期限",
            Domain.Matters.Deadline.Superior => "上级交办期限",
            _ => rule.Name,
        };
        var explained = context.Clocks.Due(d, explain: true);
        var open = d.State == DeadlineState.Open;
        return new DeadlineView(d.Code, name, d.IsFixed ? "第二十二条" : rule.Article, d.StartOn, d.DueOn, d.Provisional, d.State, d.ClosedOn, d.IsDuty,
            d.IsOverdue(context.Today), open ? DeadlineStatus.WorkingDaysLeft(context.Clocks.Calendar, context.Today, d.DueOn) : null, explained.Explanation);
    }

    public static EventView Event(MatterEvent e) => new(e.At, e.On, e.Action, e.Action.ToChinese(), e.From, e.To, e.By, e.Note,
        e.Data is null ? null : JsonDocument.Parse(e.Data).RootElement.Clone());

    public static NoticeView Notice(Notice n) => new(n.Id, n.Kind, n.Kind.ToChinese(), n.Number, n.Recipient, n.IssuingUnitId, n.IssuedOn, n.DeliveredOn, n.DeliveryMethod);

    private static string? Mask(string? value, Func<string?, string> mask) => value is null ? null : mask(value);
}
