using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

public sealed record Transfer(Guid UnitId, string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Transfer;
}

public sealed record Assign(Guid UnitId, DateOnly DueOn, string? Note = null, DateOnly? On = null) : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Assign;
}

public sealed record Route(RouteChannel Channel, string? Body = null, string? Note = null, DateOnly? On = null) : MatterCommand(On)
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

/// <summary>The bureau's disposal within 15 days of receipt (第二十二条): transfer, assign, route, refer, decline, self-handle.</summary>
public static partial class Lifecycle
{
    /// <summary>
    /// The units a matter may be transferred or assigned to (有权处理的单位, 第二十二条第一款): units with power to
    /// handle it, other than the bureau itself, and never the unit an accusation is about (第三十条第三款).
    /// </summary>
    public static IEnumerable<Unit> Receivers(Matter matter, DecisionContext context) =>
        context.Units.Values.Where(u => u.IsActive && ReceiverError(matter, u) is null);

    /// <summary>The bodies a matter may be referred to (第二十二条第二款): the discipline body for accusations, the political-legal organs.</summary>
    public static IEnumerable<Unit> ReferralTargets(Matter matter, DecisionContext context) =>
        context.Units.Values.Where(u => u.IsActive && ReferralError(matter, u) is null);

    private static Result<MatterChange> DecideTransfer(Step step, Transfer command) =>
        CheckReceiver(step, command.UnitId) is { } error
            ? error
            : UnitReceives(step, step.Change(command.Note) with { Details = Chosen(step, command.UnitId) },
                command.UnitId, assigned: false, NoticeKind.TransferNotice, NoticeKind.TransferLetter, []);

    private static Result<MatterChange> DecideAssign(Step step, Assign command)
    {
        if (CheckReceiver(step, command.UnitId) is { } error)
        {
            return error;
        }

        if (command.DueOn <= step.On)
        {
            return MatterErrors.Invalid("matter.due-before-on", $"交办的报送结果日期 {command.DueOn:yyyy-MM-dd} 必须晚于交办日期 {step.On:yyyy-MM-dd}。", "dueOn");
        }

        // The bureau sets the date, but not past what the law gives any unit: 15 days to accept and 60 to handle
        // (第二十三条、第三十二条). A date beyond that is a typing slip, not a decision.
        var latest = LatestReportBack(step);
        if (command.DueOn > latest)
        {
            return MatterErrors.Invalid("matter.due-too-late",
                $"交办的报送结果日期 {command.DueOn:yyyy-MM-dd} 超出法定办理期限（受理告知期限加六十日办理期限，至 {latest:yyyy-MM-dd}）。", "dueOn");
        }

        // 第二十二条第一款第三项: an assigned matter carries the bureau's own report-back date and a completion report.
        var reportBack = Deadline.Fixed(Deadline.Assigned, step.On, command.DueOn);
        var details = (Chosen(step, command.UnitId) ?? new DispatchDetails(null, null, false)) with { DueOn = command.DueOn };
        return UnitReceives(step, step.Change(command.Note) with { Details = details },
            command.UnitId, assigned: true, NoticeKind.AssignmentNotice, NoticeKind.AssignmentLetter, [reportBack]);
    }

    /// <summary>The latest report-back date of an assignment made on the step's day: acceptance period, then handling period.</summary>
    private static DateOnly LatestReportBack(Step step)
    {
        var rules = step.Context.Deadlines;
        var accepted = Periods.Due(rules.Calendar, step.On, rules.RuleFor(PeriodRules.AcceptanceNotice, step.Matter.Qualifiers)).Due;
        return Periods.Due(rules.Calendar, accepted, rules.RuleFor(PeriodRules.Handling, step.Matter.Qualifiers)).Due;
    }

    /// <summary>
    /// The unit's receipt date is the transfer date: it starts the unit's 15-day acceptance notice and its 5 working
    /// days to object (第二十三条第三款). The bureau's disposal deadline is met by the transfer.
    /// </summary>
    private static MatterChange UnitReceives(Step step, MatterChange change, Guid unitId, bool assigned, NoticeKind toPetitioner, NoticeKind toUnit,
                                             IReadOnlyList<Deadline> extra)
    {
        var qualifiers = step.Matter.Qualifiers.ToList();
        var extras = new Dictionary<string, string> { ["承办单位"] = step.Context.NameOf(unitId) };
        return change with
        {
            Holding = new Holding(unitId, step.On, assigned),
            Closed = [PeriodRules.Dispose],
            Opened =
            [
                step.Context.Deadlines.Open(PeriodRules.AcceptanceNotice, step.On, qualifiers),
                step.Context.Deadlines.Open(PeriodRules.Objection, step.On, qualifiers, isDuty: false),
                .. extra,
            ],
            Notices =
            [
                step.Notice(toPetitioner, Recipient.Petitioner, step.Matter.RegisteringUnitId, extra: extras),
                step.Notice(toUnit, Recipient.Unit, step.Matter.RegisteringUnitId, unitId, extras),
            ],
        };
    }

    private static Error? CheckReceiver(Step step, Guid unitId) =>
        step.Context.UnitOf(unitId) is { } unit ? ReceiverError(step.Matter, unit) : MatterErrors.UnitNotFound("unitId");

    private static Error? ReceiverError(Matter matter, Unit unit) =>
        !unit.Kind.CanHandle() || unit.Id == matter.RegisteringUnitId
            ? MatterErrors.Invalid("matter.unit-cannot-handle",
                $"“{unit.Name}”（{unit.Kind.ToChinese()}）不是有权处理信访事项的单位。检举控告请移送纪检监察机关，涉法涉诉请移送政法机关，本部门办理请选择“自办”。", "unitId")
            : RefuseAccused(matter, unit);

    private static Error? ReferralError(Matter matter, Unit unit)
    {
        if (!unit.Kind.IsReferralTarget())
        {
            return MatterErrors.Invalid("matter.not-a-referral-target",
                $"“{unit.Name}”不是纪检监察机关或政法机关，不能移送。转交有权处理的单位请用“转送”或“交办”。", "unitId");
        }

        if (unit.Kind == UnitKind.Discipline && matter.Purpose != Purpose.Accusation)
        {
            return MatterErrors.Invalid("matter.refer-mismatch", "只有检举控告类事项移送纪检监察机关（第二十二条第二款）。", "unitId");
        }

        return RefuseAccused(matter, unit);
    }

    /// <summary>
    /// 第三十条第三款: accusation materials must not be passed to the accused person or unit, whether they are
    /// transferred, assigned or referred (a court or procuratorate can itself be the one accused).
    /// </summary>
    private static Error? RefuseAccused(Matter matter, Unit unit) =>
        matter.Purpose == Purpose.Accusation && IsAccused(matter, unit)
            ? MatterErrors.Rule("matter.accused-unit", "不得转送被检举单位",
                $"“{unit.Name}”是被检举控告的单位，检举控告材料不得转给被检举控告的单位（《信访工作条例》第三十条）。")
            : null;

    internal static bool IsAccused(Matter matter, Unit unit) =>
        matter.Accused is { } accused && (accused.UnitId == unit.Id
            || !string.IsNullOrWhiteSpace(accused.Unit) && (unit.Name.Contains(accused.Unit.Trim(), StringComparison.Ordinal) || accused.Unit.Contains(unit.Name, StringComparison.Ordinal)));

    private static Result<MatterChange> DecideRoute(Step step, Route command)
    {
        if (string.IsNullOrWhiteSpace(command.Body) || command.Body.Trim().Length > Limits.RoutedBody)
        {
            return MatterErrors.Invalid("matter.route-body-required",
                $"请写明应当向哪个机关、通过什么途径提出（例如：向阎良区人民法院提起诉讼），不超过 {Limits.RoutedBody} 字。", "body");
        }

        var body = command.Body.Trim();
        var issuer = step.Matter.Status == MatterStatus.Registered ? step.Matter.RegisteringUnitId : step.Matter.UnitId!.Value;
        var extras = new Dictionary<string, string> { ["法定途径"] = command.Channel.ToChinese(), ["受理机关"] = body };
        return step.Change(command.Note) with
        {
            RoutedTo = new StatutoryRoute(command.Channel, body),
            // Routing is the bureau's disposal (第二十二条): its 15 days are met, or late. Then 诉访分离 (第二十八条):
            // the matter leaves the petition track and no other petition deadline runs any longer.
            Closed = [PeriodRules.Dispose],
            Cancelled = [PeriodRules.AcceptanceNotice, PeriodRules.Objection, Deadline.Assigned, Deadline.Superior],
            Notices = [step.Notice(NoticeKind.RouteNotice, Recipient.Petitioner, issuer, extra: extras)],
            Details = new RouteDetails(command.Channel, body),
        };
    }

    private static Result<MatterChange> DecideRefer(Step step, Refer command)
    {
        var unit = step.Context.UnitOf(command.UnitId);
        if (unit is null)
        {
            return MatterErrors.UnitNotFound("unitId");
        }

        if (ReferralError(step.Matter, unit) is { } error)
        {
            return error;
        }

        // No notice goes to the petitioner about the accused, and nothing to the accused (第三十条): only the letter to the target.
        return step.Change(command.Note) with
        {
            ReferredTo = unit.Id,
            Closed = [PeriodRules.Dispose],
            Cancelled = [Deadline.Superior],
            Notices = [step.Notice(NoticeKind.ReferralLetter, Recipient.Unit, step.Matter.RegisteringUnitId, unit.Id,
                new Dictionary<string, string> { ["移送机关"] = unit.Name })],
            Details = Chosen(step, unit.Id),
        };
    }

    private static Result<MatterChange> DecideDecline(Step step, Decline command)
    {
        var kind = command.Reason == DeclineReason.Finalized ? NoticeKind.NoLongerAcceptedNotice : NoticeKind.DeclineNotice;
        return step.Change(command.Note) with
        {
            Declination = new Declination(command.Reason, command.RelatedMatterId),
            Closed = [PeriodRules.Dispose],
            Cancelled = [Deadline.Superior],
            Notices = [step.Notice(kind, Recipient.Petitioner, step.Matter.RegisteringUnitId, extra: new Dictionary<string, string>
            {
                ["不予受理理由"] = command.Reason.ToChinese(),
            })],
            Details = new DeclineDetails(command.Reason, command.RelatedMatterId),
        };
    }

    private static Result<MatterChange> DecideSelfHandle(Step step, SelfHandle command) =>
        step.Change(command.Note) with
        {
            Holding = new Holding(step.Matter.RegisteringUnitId, step.On, Assigned: false),
            Acceptance = new Acceptance(step.On, Simplified: false),
            Closed = [PeriodRules.Dispose],
            Opened = [step.Context.Deadlines.Open(PeriodRules.Handling, step.On, step.Matter.Qualifiers)],
            Notices = [step.Notice(NoticeKind.AcceptanceNotice, Recipient.Petitioner, step.Matter.RegisteringUnitId)],
        };

    /// <summary>The suggestion and the choice are both recorded (the system suggests, a person decides).</summary>
    private static DispatchDetails? Chosen(Step step, Guid unitId) => step.Matter.Suggestion is { } suggestion
        ? new DispatchDetails(suggestion.UnitId, suggestion.Reason, suggestion.UnitId == unitId)
        : null;
}
