using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>
/// Builds a matter the way the procedure does: registration, then each step through <see cref="Lifecycle.Decide"/>
/// and <see cref="Matter.Apply"/> by the party the law names. A refused step throws. A step without a date happens on
/// the day of the previous step.
/// </summary>
internal sealed class MatterBuilder
{
    private readonly List<Func<Matter, (Actor Actor, MatterCommand Command)>> _steps = [];
    private RegistrationInput _input = Registrations.Valid();
    private DeadlineRules _clocks = Org.Deadlines;
    private DateOnly _today = Org.Today;

    public static MatterBuilder AMatter() => new();

    public MatterBuilder ReceivedOn(DateOnly receivedOn) => With(_input with { ReceivedOn = receivedOn });

    public MatterBuilder ReceivedOn(string iso) => ReceivedOn(D(iso));

    public MatterBuilder InCategory(string code) => With(_input with { CategoryCode = code });

    public MatterBuilder Claim(params string[] demands) =>
        With(_input with { Purpose = Purpose.Claim, Demands = demands.Length == 0 ? Registrations.Demands : demands, Accused = null });

    public MatterBuilder Suggestion() =>
        With(_input with { Purpose = Purpose.Suggestion, Title = "建议增设公交站点", Demands = [], Accused = null });

    public MatterBuilder Accusation(string? accusedUnit = null, Guid? accusedUnitId = null) =>
        With(_input with { Purpose = Purpose.Accusation, Title = "反映街道干部违规收费", Demands = [], Accused = new AccusedInput("李四", accusedUnit, "科员", accusedUnitId) });

    public MatterBuilder Flagged(params MatterFlag[] flags) => With(_input with { Flags = flags });

    public MatterBuilder FirstTime() => Flagged(MatterFlag.FirstTime);

    /// <summary>Submitted on the public portal (网上信访).</summary>
    public MatterBuilder Online() => With(_input with { Channel = Channel.Online });

    /// <summary>上级交办: assigned to the district by a higher level, with the date it must be done by.</summary>
    public MatterBuilder AssignedFromAbove(DateOnly dueOn) =>
        With(_input with { Channel = Channel.Superior, Superior = new SuperiorAssignment("市信转〔2025〕8号", dueOn) });

    public MatterBuilder MeasuredBy(DeadlineRules clocks)
    {
        _clocks = clocks;
        return this;
    }

    /// <summary>The day the steps are decided on; every step's date must be on or before it.</summary>
    public MatterBuilder DecidedOn(DateOnly today)
    {
        _today = today;
        return this;
    }

    // The bureau's disposal (第二十二条).
    public MatterBuilder Transferred(DateOnly? on = null, Unit? to = null) =>
        Step(m => (Org.Registrar, new Transfer((to ?? Org.StreetA).Id, "请依法办理", on ?? m.LastStepOn)));

    public MatterBuilder Assigned(DateOnly dueOn, DateOnly? on = null, Unit? to = null) =>
        Step(m => (Org.Registrar, new Assign((to ?? Org.StreetA).Id, dueOn, "请按期报送办理结果和办结报告", on ?? m.LastStepOn)));

    public MatterBuilder Routed(DateOnly? on = null) =>
        Step(m => (Org.Registrar, new Route(RouteChannel.Litigation, "向阎良区人民法院提起诉讼", null, on ?? m.LastStepOn)));

    public MatterBuilder Referred(DateOnly? on = null, Unit? to = null) =>
        Step(m => (Org.Registrar, new Refer((to ?? Org.Court).Id, null, on ?? m.LastStepOn)));

    public MatterBuilder Declined(DateOnly? on = null, DeclineReason reason = DeclineReason.OutOfScope) =>
        Step(m => (Org.Registrar, new Decline(reason, "不属于受理范围", null, on ?? m.LastStepOn)));

    public MatterBuilder SelfHandled(DateOnly? on = null) => Step(m => (Org.Registrar, new SelfHandle(null, on ?? m.LastStepOn)));

    // At the unit (第二十三条).
    public MatterBuilder Accepted(DateOnly? on = null, bool simplified = false) =>
        Step(m => (HandlerOfHolder(m), new Accept(simplified, null, on ?? m.LastStepOn)));

    public MatterBuilder Objected(DateOnly? on = null) =>
        Step(m => (HandlerOfHolder(m), new Objection("该事项属于区住建局职权范围", on ?? m.LastStepOn)));

    public MatterBuilder RoutedByUnit(DateOnly? on = null) =>
        Step(m => (HandlerOfHolder(m), new Route(RouteChannel.Arbitration, "向阎良区劳动人事争议仲裁委员会申请仲裁", null, on ?? m.LastStepOn)));

    // Handling (第三十二条至第三十四条).
    public MatterBuilder Extended(int days = 30, DateOnly? on = null) =>
        Step(m => (HeadOfHolder(m), new Extend(days, "需要会同区住建局核实补偿标准", on ?? m.LastStepOn)));

    public MatterBuilder Logged(LogKind kind = LogKind.Investigation, DateOnly? on = null) =>
        Step(m => (HandlerOfHolder(m), new Log(kind, $"{kind.ToChinese()}：约谈信访人并实地核查", on ?? m.LastStepOn)));

    /// <summary>Concluded by the unit head, so the opinion is issued at once.</summary>
    public MatterBuilder Concluded(Outcome? outcome = null, DateOnly? on = null) =>
        Step(m => (HeadOfHolder(m), Conclusions.Of(m, outcome) with { On = on ?? m.LastStepOn }));

    /// <summary>Concluded by the handler: a draft that waits for the unit head.</summary>
    public MatterBuilder Drafted(Outcome? outcome = null, DateOnly? on = null) =>
        Step(m => (HandlerOfHolder(m), Conclusions.Of(m, outcome) with { On = on ?? m.LastStepOn }));

    public MatterBuilder Approved(DateOnly? on = null) => Step(m => (HeadOfHolder(m), new ApproveConclusion("同意", on ?? m.LastStepOn)));

    /// <summary>Delivers the latest undelivered notice of this kind, by someone of the unit that issued it.</summary>
    public MatterBuilder Delivered(NoticeKind kind, DateOnly? on = null) => Step(m =>
    {
        var notice = m.Notices.Last(n => n.Kind == kind && n.DeliveredOn is null);
        return (DelivererOf(notice), new Deliver(notice.Id, DeliveryMethod.InPerson, on ?? m.LastStepOn));
    });

    public MatterBuilder OpinionDelivered(DateOnly? on = null) => Delivered(NoticeKind.HandlingOpinion, on);

    public MatterBuilder Implemented(DateOnly? on = null) =>
        Step(m => (HandlerOfHolder(m), new Implement("已补发补偿款并公开补偿标准", on ?? m.LastStepOn)));

    public MatterBuilder Evaluated(EvaluationTarget target = EvaluationTarget.Unit, Rating rating = Rating.Satisfied, DateOnly? on = null) =>
        Step(m => (Actor.Petitioner, new Evaluate(target, rating, null, on ?? m.LastStepOn)));

    // Review and recheck (第三十五条、第三十六条).
    public MatterBuilder ReviewRequested(DateOnly? on = null) =>
        Step(m => (Actor.Petitioner, new RequestReview("对处理意见不服", on ?? m.LastStepOn)));

    public MatterBuilder Reviewed(DateOnly? on = null, ReviewDecision decision = ReviewDecision.Uphold) =>
        Step(m => (Org.HeadOf(Org.Units[m.ReviewBodyId!.Value]), new ConcludeReview(decision, "原处理意见认定事实清楚", "《信访工作条例》第三十五条", on ?? m.LastStepOn)));

    public MatterBuilder ReviewOpinionDelivered(DateOnly? on = null) => Delivered(NoticeKind.ReviewOpinion, on);

    public MatterBuilder RecheckRequested(DateOnly? on = null) =>
        Step(m => (Actor.Petitioner, new RequestRecheck("对复查意见不服", on ?? m.LastStepOn)));

    public MatterBuilder Heard(DateOnly from, DateOnly to, DateOnly? on = null) =>
        Step(m => (Org.HeadOf(Org.Units[m.RecheckBodyId!.Value]), new Hearing(from, to, on ?? m.LastStepOn)));

    public MatterBuilder Rechecked(DateOnly? on = null, ReviewDecision decision = ReviewDecision.Uphold) =>
        Step(m => (Org.HeadOf(Org.Units[m.RecheckBodyId!.Value]), new ConcludeRecheck(decision, "复查意见正确", "《信访工作条例》第三十六条", on ?? m.LastStepOn)));

    public MatterBuilder MarkedSpam(DateOnly? on = null) => Step(m => (Org.Registrar, new MarkSpam("广告推销", on ?? m.LastStepOn)));

    public MatterBuilder ClosedBySweep(DateOnly? on = null) => Step(_ => (Actor.System, new Close(on)));

    public Matter Build()
    {
        var context = Org.Context(Org.Registrar, _today, _clocks);
        var (matter, registered) = Registration.Register(_input, "610114-2025-000001", "query-code-hash", Org.Bureau.Id, context).Value;
        matter.Apply(registered, Decisions.Numbers(registered), Org.Registrar.Name, Decisions.At);
        foreach (var step in _steps)
        {
            var (actor, command) = step(matter);
            Decisions.Do(matter, command, actor, _today, _clocks);
        }

        return matter;
    }

    /// <summary>The handler of the unit that holds the matter now.</summary>
    public static Actor HandlerOfHolder(Matter matter) => Org.HandlerOf(Org.Units[matter.UnitId!.Value]);

    public static Actor HeadOfHolder(Matter matter) => Org.HeadOf(Org.Units[matter.UnitId!.Value]);

    /// <summary>"Whoever issued the notice" delivers it (API.md): the registrar for the bureau, a handler elsewhere.</summary>
    public static Actor DelivererOf(Notice notice) =>
        notice.IssuingUnitId == Org.Bureau.Id ? Org.Registrar : Org.HandlerOf(Org.Units[notice.IssuingUnitId]);

    private MatterBuilder With(RegistrationInput input)
    {
        _input = input;
        return this;
    }

    private MatterBuilder Step(Func<Matter, (Actor, MatterCommand)> step)
    {
        _steps.Add(step);
        return this;
    }
}
