using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

/// <summary>The bureau's disposal within 15 days of receipt (第二十二条): transfer, assign, route, refer, decline, self-handle.</summary>
public static partial class Lifecycle
{
    private static Result<MatterChange> DecideTransfer(Step step, Transfer command)
    {
        if (CheckHandlingUnit(step, command.UnitId) is { } error)
        {
            return error;
        }

        return UnitReceives(step, step.Change(command, command.Note) with { Data = Chosen(step, command.UnitId) },
            command.UnitId, NoticeKind.TransferNotice, NoticeKind.TransferLetter, []);
    }

    private static Result<MatterChange> DecideAssign(Step step, Assign command)
    {
        if (CheckHandlingUnit(step, command.UnitId) is { } error)
        {
            return error;
        }

        if (command.DueOn <= step.On)
        {
            return MatterErrors.Invalid("matter.due-before-on", $"交办的报送结果日期 {command.DueOn:yyyy-MM-dd} 必须晚于交办日期 {step.On:yyyy-MM-dd}。", "dueOn");
        }

        // 第二十二条第一款第三项: an assigned matter carries the bureau's own report-back date and a completion report.
        var reportBack = Deadline.Fixed(Deadline.Assigned, step.On, command.DueOn);
        var data = Chosen(step, command.UnitId);
        data["dueOn"] = command.DueOn;
        return UnitReceives(step, step.Change(command, command.Note) with { Data = data },
            command.UnitId, NoticeKind.AssignmentNotice, NoticeKind.AssignmentLetter, [reportBack]);
    }

    /// <summary>
    /// The unit's receipt date is the transfer date: it starts the unit's 15-day acceptance notice and its 5 working
    /// days to object (第二十三条第三款). The bureau's disposal clock is met by the transfer.
    /// </summary>
    private static MatterChange UnitReceives(Step step, MatterChange change, Guid unitId, NoticeKind toPetitioner, NoticeKind toUnit, IReadOnlyList<Deadline> extra)
    {
        var qualifiers = step.Matter.Qualifiers.ToList();
        var extras = new Dictionary<string, string> { ["承办单位"] = step.Context.NameOf(unitId) };
        return change with
        {
            Holder = unitId,
            Closed = [PeriodRules.Dispose],
            Opened =
            [
                step.Context.Clocks.Open(PeriodRules.AcceptanceNotice, step.On, qualifiers),
                step.Context.Clocks.Open(PeriodRules.Objection, step.On, qualifiers, isDuty: false),
                .. extra,
            ],
            Notices =
            [
                step.Notice(toPetitioner, Recipient.Petitioner, step.Matter.RegisteringUnitId, extra: extras),
                step.Notice(toUnit, Recipient.Unit, step.Matter.RegisteringUnitId, unitId, extras),
            ],
        };
    }

    private static Error? CheckHandlingUnit(Step step, Guid unitId)
    {
        var unit = step.Context.UnitOf(unitId);
        if (unit is null)
        {
            return MatterErrors.UnitNotFound("unitId");
        }

        if (!unit.Kind.CanHandle() || unit.Id == step.Matter.RegisteringUnitId)
        {
            return MatterErrors.Invalid("matter.unit-cannot-handle",
                $"“{unit.Name}”（{unit.Kind.ToChinese()}）不是有权处理信访事项的单位。检举控告请移送纪检监察机关，涉法涉诉请移送政法机关，本部门办理请选择“自办”。", "unitId");
        }

        return RefuseAccused(step.Matter, unit);
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

    private static Result<MatterChange> DecideRoute(Step step, RouteOut command)
    {
        if (string.IsNullOrWhiteSpace(command.Body))
        {
            return MatterErrors.Invalid("matter.route-body-required", "请写明应当向哪个机关、通过什么途径提出（例如：向阎良区人民法院提起诉讼）。", "body");
        }

        var issuer = step.Matter.Status == MatterStatus.Registered ? step.Matter.RegisteringUnitId : step.Matter.UnitId!.Value;
        var extras = new Dictionary<string, string> { ["法定途径"] = command.Channel.ToChinese(), ["受理机关"] = command.Body.Trim() };
        return step.Change(command, command.Note) with
        {
            // Routing is the bureau's disposal (第二十二条): its 15 days are met, or late. Then 诉访分离 (第二十八条):
            // the matter leaves the petition track and no other petition clock runs any longer.
            Closed = [PeriodRules.Dispose],
            Cancelled = [PeriodRules.AcceptanceNotice, PeriodRules.Objection, Deadline.Assigned, Deadline.Superior],
            Notices = [step.Notice(NoticeKind.RouteNotice, Recipient.Petitioner, issuer, extra: extras)],
            Data = Data(("channel", command.Channel), ("body", command.Body.Trim())),
        };
    }

    private static Result<MatterChange> DecideRefer(Step step, Refer command)
    {
        var unit = step.Context.UnitOf(command.UnitId);
        if (unit is null)
        {
            return MatterErrors.UnitNotFound("unitId");
        }

        if (!unit.Kind.IsReferralTarget())
        {
            return MatterErrors.Invalid("matter.not-a-referral-target",
                $"“{unit.Name}”不是纪检监察机关或政法机关，不能移送。转交有权处理的单位请用“转送”或“交办”。", "unitId");
        }

        if (unit.Kind == UnitKind.Discipline && step.Matter.Purpose != Purpose.Accusation)
        {
            return MatterErrors.Invalid("matter.refer-mismatch", "只有检举控告类事项移送纪检监察机关（第二十二条第二款）。", "unitId");
        }

        if (RefuseAccused(step.Matter, unit) is { } accused)
        {
            return accused;
        }

        // No notice goes to the petitioner about the accused, and nothing to the accused (第三十条): only the letter to the target.
        return step.Change(command, command.Note) with
        {
            Data = Chosen(step, unit.Id),
            Holder = unit.Id,
            Closed = [PeriodRules.Dispose],
            Cancelled = [Deadline.Superior],
            Notices = [step.Notice(NoticeKind.ReferralLetter, Recipient.Unit, step.Matter.RegisteringUnitId, unit.Id,
                new Dictionary<string, string> { ["移送机关"] = unit.Name })],
        };
    }

    private static Result<MatterChange> DecideDecline(Step step, Decline command)
    {
        var kind = command.Reason == DeclineReason.Finalized ? NoticeKind.NoLongerAcceptedNotice : NoticeKind.DeclineNotice;
        return step.Change(command, command.Note) with
        {
            Closed = [PeriodRules.Dispose],
            Cancelled = [Deadline.Superior],
            Notices = [step.Notice(kind, Recipient.Petitioner, step.Matter.RegisteringUnitId, extra: new Dictionary<string, string>
            {
                ["不予受理理由"] = command.Reason.ToChinese(),
            })],
            Data = Data(("reason", command.Reason), ("relatedMatterId", command.RelatedMatterId)),
        };
    }

    private static Result<MatterChange> DecideSelfHandle(Step step, SelfHandle command) =>
        step.Change(command, command.Note) with
        {
            Holder = step.Matter.RegisteringUnitId,
            Closed = [PeriodRules.Dispose],
            Opened = [step.Context.Clocks.Open(PeriodRules.Handling, step.On, step.Matter.Qualifiers)],
            Notices = [step.Notice(NoticeKind.AcceptanceNotice, Recipient.Petitioner, step.Matter.RegisteringUnitId)],
        };

    /// <summary>The suggestion and the choice are both recorded (the system suggests, a person decides).</summary>
    private static Dictionary<string, object?> Chosen(Step step, Guid unitId) => step.Matter.Suggestion is { } suggestion
        ? Data(("suggestedUnitId", suggestion.UnitId), ("suggestion", suggestion.Reason), ("followedSuggestion", suggestion.UnitId == unitId))
        : [];

    private static Dictionary<string, object?> Data(params (string Key, object? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
}
