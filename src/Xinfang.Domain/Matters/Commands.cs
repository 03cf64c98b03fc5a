namespace Xinfang.Domain.Matters;

/// <summary>
/// What a user asks to do to a matter. <see cref="On"/> is the day it happened (default today): it may be back-dated
/// to record a letter received last week, never set in the future, never before the matter's previous step.
/// </summary>
public abstract record MatterCommand(DateOnly? On)
{
    public abstract MatterAction Action { get; }
}

public sealed record Transfer(Guid UnitId, string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Transfer;
}

public sealed record Assign(Guid UnitId, DateOnly DueOn, string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Assign;
}

public sealed record RouteOut(RouteChannel Channel, string? Body = null, string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Route;
}

public sealed record Refer(Guid UnitId, string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Refer;
}

public sealed record Decline(DeclineReason Reason, string? Note = null, Guid? RelatedMatterId = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Decline;
}

public sealed record SelfHandle(string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.SelfHandle;
}

public sealed record Accept(bool Simplified = false, string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Accept;
}

public sealed record RaiseObjection(string? Reason = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Object;
}

public sealed record Extend(int Days, string? Reason = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Extend;
}

public sealed record AddLog(LogKind Kind, string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Log;
}

public sealed record Conclude(Outcome Outcome, string? Facts = null, string? LegalBasis = null, string? Opinion = null,
                              IReadOnlyList<ConclusionItem>? Items = null, IReadOnlyList<StandardMet>? Standards = null,
                              DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Conclude;
}

public sealed record ApproveConclusion(string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.ApproveConclusion;
}

public sealed record Deliver(Guid NoticeId, DeliveryMethod Method, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Deliver;
}

public sealed record Implement(string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Implement;
}

public sealed record Evaluate(EvaluationTarget Target, Rating Rating, string? Comment = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Evaluate;
}

public sealed record RequestReview(string? Reason = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.RequestReview;
}

public sealed record ConcludeReview(ReviewDecision Decision, string? Opinion = null, string? LegalBasis = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.ConcludeReview;
}

public sealed record RequestRecheck(string? Reason = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.RequestRecheck;
}

public sealed record HoldHearing(DateOnly From, DateOnly To, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Hearing;
}

public sealed record ConcludeRecheck(ReviewDecision Decision, string? Opinion = null, string? LegalBasis = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.ConcludeRecheck;
}

public sealed record CloseMatter(DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Close;
}
