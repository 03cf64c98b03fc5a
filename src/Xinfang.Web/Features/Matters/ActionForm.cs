using Xinfang.Domain.Matters;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// The fields of every action form on the matter page, bound from the posted form, and the one place where a form
/// becomes a domain command (the API binds the commands directly from JSON).
/// </summary>
public sealed class ActionForm
{
    public MatterAction Action { get; set; }

    public int Version { get; set; }

    public DateOnly? On { get; set; }

    public Guid? UnitId { get; set; }

    public DateOnly? DueOn { get; set; }

    public RouteChannel RouteChannel { get; set; }

    public string? Body { get; set; }

    public string? Note { get; set; }

    public string? Reason { get; set; }

    public DeclineReason DeclineReason { get; set; }

    public Guid? RelatedMatterId { get; set; }

    public bool Simplified { get; set; }

    public int Days { get; set; }

    public LogKind LogKind { get; set; }

    public Outcome Outcome { get; set; }

    public string? Facts { get; set; }

    public string? LegalBasis { get; set; }

    public string? Opinion { get; set; }

    /// <summary>逐项答复: one outcome per demand instead of one for all.</summary>
    public bool PerDemand { get; set; }

    public List<ItemForm> Items { get; set; } = [];

    public List<StandardForm> Standards { get; set; } = [];

    public Guid? NoticeId { get; set; }

    public DeliveryMethod Method { get; set; }

    public EvaluationTarget Target { get; set; }

    public Rating Rating { get; set; }

    public ReviewDecision Decision { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public sealed class ItemForm
    {
        public string Demand { get; set; } = "";

        public Outcome Outcome { get; set; }

        public string? Facts { get; set; }

        public string? LegalBasis { get; set; }
    }

    public sealed class StandardForm
    {
        public Standard Standard { get; set; }

        public bool Met { get; set; }

        public string? Evidence { get; set; }
    }

    public MatterCommand ToCommand() => Action switch
    {
        MatterAction.Transfer => new Transfer(UnitId ?? Guid.Empty, Note, On),
        MatterAction.Assign => new Assign(UnitId ?? Guid.Empty, DueOn ?? default, Note, On),
        MatterAction.Route => new RouteOut(RouteChannel, Body, Note, On),
        MatterAction.Refer => new Refer(UnitId ?? Guid.Empty, Note, On),
        MatterAction.Decline => new Decline(DeclineReason, Note, RelatedMatterId, On),
        MatterAction.SelfHandle => new SelfHandle(Note, On),
        MatterAction.Accept => new Accept(Simplified, Note, On),
        MatterAction.Object => new RaiseObjection(Reason, On),
        MatterAction.Extend => new Extend(Days, Reason, On),
        MatterAction.Log => new AddLog(LogKind, Note, On),
        MatterAction.Conclude => new Conclude(Outcome, Facts, LegalBasis, Opinion,
            PerDemand ? Items.Select(i => new ConclusionItem(i.Demand, i.Outcome, i.Facts, i.LegalBasis)).ToList() : null,
            Standards.Where(s => s.Met).Select(s => new StandardMet(s.Standard, s.Evidence ?? "")).ToList(), On),
        MatterAction.ApproveConclusion => new ApproveConclusion(Note, On),
        MatterAction.Deliver => new Deliver(NoticeId ?? Guid.Empty, Method, On),
        MatterAction.Implement => new Implement(Note, On),
        MatterAction.Evaluate => new Evaluate(Target, Rating, Note, On),
        MatterAction.RequestReview => new RequestReview(Reason, On),
        MatterAction.ConcludeReview => new ConcludeReview(Decision, Opinion, LegalBasis, On),
        MatterAction.RequestRecheck => new RequestRecheck(Reason, On),
        MatterAction.Hearing => new HoldHearing(From ?? default, To ?? default, On),
        MatterAction.ConcludeRecheck => new ConcludeRecheck(Decision, Opinion, LegalBasis, On),
        MatterAction.Close => new CloseMatter(On),
        MatterAction.Register or MatterAction.Recalculate => throw new InvalidOperationException($"{Action} is not a form action"),
    };
}
