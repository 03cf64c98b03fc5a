using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Supervision;

/// <summary>
/// The seven problem types of the bureau's concentrated supervision (集中督查督办; LIFECYCLE.md "Supervision on top of
/// the clocks", REFERENCE.md 4.6–4.17). The order is the order the page lists them in.
/// </summary>
public enum ProblemType
{
    /// <summary>应受理未受理.</summary>
    NotAccepted,
    /// <summary>应办理未办理.</summary>
    NotHandled,
    /// <summary>处理意见不落实.</summary>
    NotImplemented,
    /// <summary>办理后仍重复信访.</summary>
    RepeatAfterConclusion,
    /// <summary>办理不规范.</summary>
    Irregular,
    /// <summary>超期办理.</summary>
    Overdue,
    /// <summary>实体处理不到位.</summary>
    SubstanceUnresolved,
}

/// <summary>The problem rules' thresholds, in calendar days; settings under <c>Supervision:Problems</c>.</summary>
public sealed record ProblemThresholds(int IdleDays = 20, int ImplementationDays = 30, int DeliveryDays = 15)
{
    public static ProblemThresholds Default { get; } = new();
}

/// <summary>A later matter linked as a repeat of this one (its <see cref="Matter.RepeatOfId"/> names this matter).</summary>
public sealed record RepeatLink(Guid Id, string Number, DateOnly ReceivedOn);

/// <summary>One problem found on a matter, with the facts that show it.</summary>
public sealed record ProblemFinding(ProblemType Type, string Evidence)
{
    public string Rule => ProblemRules.RuleOf(Type);
}

/// <summary>
/// The problems of a matter as of a day, and the first later day on which time alone could change them (a deadline
/// passes, a quiet spell grows long): the daily sweep re-decides a matter on that day, and every change re-decides it
/// at once. Null when only a new step or a new repeat could change anything.
/// </summary>
public sealed record ProblemDecision(IReadOnlyList<ProblemFinding> Findings, DateOnly? RecheckOn)
{
    public bool Has(ProblemType type) => Findings.Any(f => f.Type == type);
}

/// <summary>
/// Which problem types apply to a matter. Pure: the matter's clocks, events, notices, deliveries and evaluations,
/// the matters linked as its repeats, the day and the thresholds decide, nothing else.
/// </summary>
public static class ProblemRules
{
    public static IReadOnlyList<ProblemType> All { get; } = Enum.GetValues<ProblemType>();

    /// <summary>The codes of API.md (<c>GET /matters?problem=</c>, <c>/supervision/problems?type=</c>).</summary>
    public static string Code(this ProblemType type) => type switch
    {
        ProblemType.NotAccepted => "not-accepted",
        ProblemType.NotHandled => "not-handled",
        ProblemType.NotImplemented => "not-implemented",
        ProblemType.RepeatAfterConclusion => "repeat-after-conclusion",
        ProblemType.Irregular => "irregular",
        ProblemType.Overdue => "overdue",
        ProblemType.SubstanceUnresolved => "substance-unresolved",
    };

    public static ProblemType? Parse(string? code) => All.Cast<ProblemType?>().FirstOrDefault(t => string.Equals(t!.Value.Code(), code?.Trim(), StringComparison.Ordinal));

    public static string ToChinese(this ProblemType type) => type switch
    {
        ProblemType.NotAccepted => "应受理未受理",
        ProblemType.NotHandled => "应办理未办理",
        ProblemType.NotImplemented => "处理意见不落实",
        ProblemType.RepeatAfterConclusion => "办理后仍重复信访",
        ProblemType.Irregular => "办理不规范",
        ProblemType.Overdue => "超期办理",
        ProblemType.SubstanceUnresolved => "实体处理不到位",
    };

    /// <summary>The rule as the page states it, with the article it enforces.</summary>
    public static string RuleOf(ProblemType type) => type switch
    {
        ProblemType.NotAccepted => "有权处理的机关收到转送、交办的信访事项后，应当在15日内决定是否受理并书面告知；受理期限届满既未受理也未提出异议（《信访工作条例》第二十三条第三款）",
        ProblemType.NotHandled => "已受理的信访事项应当依法及时办理；受理后连续多日无调查核实、调解等办理记录（《信访工作条例》第三十一条）",
        ProblemType.NotImplemented => "处理意见支持信访请求的，应当督促有关机关、单位执行；意见送达后逾期仍无落实记录（《信访工作条例》第三十二条第二款）",
        ProblemType.RepeatAfterConclusion => "信访事项办结后，信访人仍就同一事项再次信访（《信访工作条例》第三十八条、第四十条）",
        ProblemType.Irregular => "应当出具的告知书未出具或逾期出具，处理意见书未载明依据，或处理、复查、复核意见未见送达记录（《信访工作条例》第二十三条、第三十二条、第四十条）",
        ProblemType.Overdue => "未在规定期限内办结，或已超过规定期限仍未办结（《信访工作条例》第二十二条、第三十四条至第三十六条）",
        ProblemType.SubstanceUnresolved => "信访人对处理意见评价为不满意，问题未解决到位、思想教育未到位或帮扶救助未到位（《信访工作条例》第二十七条、第四十条）",
    };

    /// <summary>The problems of <paramref name="matter"/> on <paramref name="asOf"/>.</summary>
    public static ProblemDecision Decide(Matter matter, IReadOnlyList<RepeatLink> repeats, DateOnly asOf, ProblemThresholds thresholds)
    {
        var findings = new List<ProblemFinding>();
        var changes = new List<DateOnly>();

        NotAccepted(matter, asOf, findings, changes);
        NotHandled(matter, asOf, thresholds, findings, changes);
        NotImplemented(matter, asOf, thresholds, findings, changes);
        RepeatAfterConclusion(matter, repeats, findings);
        Irregular(matter, asOf, thresholds, findings, changes);
        Overdue(matter, asOf, findings, changes);
        SubstanceUnresolved(matter, findings);

        var merged = findings.GroupBy(f => f.Type).OrderBy(g => g.Key)
            .Select(g => new ProblemFinding(g.Key, string.Join("；", g.Select(f => f.Evidence)))).ToList();
        var next = changes.Where(d => d > asOf).DefaultIfEmpty(DateOnly.MaxValue).Min();
        return new ProblemDecision(merged, next == DateOnly.MaxValue ? null : next);
    }

    /// <summary>第二十三条第三款: the unit's 15 days to accept (and give written notice) ran out with the clock still open.</summary>
    private static void NotAccepted(Matter matter, DateOnly asOf, List<ProblemFinding> findings, List<DateOnly> changes)
    {
        if (matter.OpenDeadline(PeriodRules.AcceptanceNotice) is not { } clock)
        {
            return;
        }

        changes.Add(clock.DueOn.AddDays(1));
        if (asOf > clock.DueOn)
        {
            findings.Add(new(ProblemType.NotAccepted, ChineseText.Format(
                $"{ChineseText.Date(clock.StartOn)}收到，受理期限{ChineseText.Date(clock.DueOn)}已过，未受理也未提出异议")));
        }
    }

    /// <summary>Accepted, no opinion yet, and no step recorded for more than <see cref="ProblemThresholds.IdleDays"/> days.</summary>
    private static void NotHandled(Matter matter, DateOnly asOf, ProblemThresholds thresholds, List<ProblemFinding> findings, List<DateOnly> changes)
    {
        if (matter.Status != MatterStatus.Accepted || matter.Conclusion is { IsIssued: true } || matter.Events.Count == 0)
        {
            return;
        }

        var last = matter.Events.MaxBy(e => e.On)!;
        var flagsOn = last.On.AddDays(thresholds.IdleDays + 1);
        changes.Add(flagsOn);
        if (asOf >= flagsOn)
        {
            findings.Add(new(ProblemType.NotHandled, ChineseText.Format(
                $"{ChineseText.Date(matter.AcceptedOn ?? last.On)}受理，最近一次办理记录为{ChineseText.Date(last.On)}（{last.Action.ToChinese()}），已{asOf.DayNumber - last.On.DayNumber}天无办理活动")));
        }
    }

    /// <summary>第三十二条第二款: a supporting opinion delivered more than <see cref="ProblemThresholds.ImplementationDays"/> days ago, no implementation recorded.</summary>
    private static void NotImplemented(Matter matter, DateOnly asOf, ProblemThresholds thresholds, List<ProblemFinding> findings, List<DateOnly> changes)
    {
        if (!matter.AwaitsImplementation || FirstOpinion(matter) is not { DeliveredOn: { } delivered } opinion)
        {
            return;
        }

        var flagsOn = delivered.AddDays(thresholds.ImplementationDays + 1);
        changes.Add(flagsOn);
        if (asOf >= flagsOn)
        {
            findings.Add(new(ProblemType.NotImplemented, ChineseText.Format(
                $"支持信访请求的{opinion.Kind.ToChinese()}（{opinion.Number}）于{ChineseText.Date(delivered)}送达，已{asOf.DayNumber - delivered.DayNumber}天无落实记录")));
        }
    }

    /// <summary>A later matter was linked as a repeat of this one after its opinion was issued.</summary>
    private static void RepeatAfterConclusion(Matter matter, IReadOnlyList<RepeatLink> repeats, List<ProblemFinding> findings)
    {
        if (matter.Conclusion is not { IssuedOn: { } issued })
        {
            return;
        }

        foreach (var repeat in repeats.Where(r => r.Id != matter.Id && r.ReceivedOn >= issued).OrderBy(r => r.ReceivedOn))
        {
            findings.Add(new(ProblemType.RepeatAfterConclusion, ChineseText.Format(
                $"{ChineseText.Date(issued)}出具处理意见后，信访人于{ChineseText.Date(repeat.ReceivedOn)}就同一事项再次信访（{repeat.Number}）")));
        }
    }

    /// <summary>
    /// A notice issued late, an opinion without its basis, an opinion without a delivery record (an opinion starts the
    /// petitioner's windows only when delivered, 第三十五条, so its delivery is what the file must prove).
    /// </summary>
    private static void Irregular(Matter matter, DateOnly asOf, ProblemThresholds thresholds, List<ProblemFinding> findings, List<DateOnly> changes)
    {
        if (matter.LatestDeadline(PeriodRules.AcceptanceNotice) is { State: DeadlineState.Late, ClosedOn: { } late } acceptance)
        {
            findings.Add(new(ProblemType.Irregular, ChineseText.Format(
                $"受理告知书应于{ChineseText.Date(acceptance.DueOn)}前出具，{ChineseText.Date(late)}才出具")));
        }

        if (matter.Conclusion is { IsIssued: true } conclusion && string.IsNullOrWhiteSpace(conclusion.LegalBasis)
            && (conclusion.Items.Count == 0 || conclusion.Items.Any(i => string.IsNullOrWhiteSpace(i.LegalBasis))))
        {
            findings.Add(new(ProblemType.Irregular, "处理意见书未载明法律、法规和政策依据"));
        }

        foreach (var notice in matter.Notices.Where(n => IsOpinion(n.Kind) && n.DeliveredOn is null))
        {
            var flagsOn = notice.IssuedOn.AddDays(thresholds.DeliveryDays + 1);
            changes.Add(flagsOn);
            if (asOf >= flagsOn)
            {
                findings.Add(new(ProblemType.Irregular, ChineseText.Format(
                    $"{notice.Kind.ToChinese()}（{notice.Number}）于{ChineseText.Date(notice.IssuedOn)}出具，已{asOf.DayNumber - notice.IssuedOn.DayNumber}天无送达记录")));
            }
        }
    }

    /// <summary>A supervised clock closed after its date, or open past it.</summary>
    private static void Overdue(Matter matter, DateOnly asOf, List<ProblemFinding> findings, List<DateOnly> changes)
    {
        foreach (var clock in matter.Deadlines.Where(Letters.IsSupervised).OrderBy(d => d.DueOn))
        {
            if (clock.State == DeadlineState.Late && clock.ClosedOn is { } closed)
            {
                findings.Add(new(ProblemType.Overdue, ChineseText.Format(
                    $"{Name(clock)}至{ChineseText.Date(clock.DueOn)}，{ChineseText.Date(closed)}才完成，超期{closed.DayNumber - clock.DueOn.DayNumber}天")));
            }
            else if (clock.State == DeadlineState.Open)
            {
                changes.Add(clock.DueOn.AddDays(1));
                if (asOf > clock.DueOn)
                {
                    findings.Add(new(ProblemType.Overdue, ChineseText.Format(
                        $"{Name(clock)}至{ChineseText.Date(clock.DueOn)}，已超期{asOf.DayNumber - clock.DueOn.DayNumber}天仍未完成")));
                }
            }
        }
    }

    /// <summary>
    /// 第二十七条: the petitioner rated the current opinion 不满意 (on the portal, or staff on their behalf). A later opinion
    /// (review, recheck) is evaluated afresh, so a satisfied rating of it clears the problem. The case-file evaluation's
    /// finding that a standard was not met is not an input yet (issue 13 item 5).
    /// </summary>
    private static void SubstanceUnresolved(Matter matter, List<ProblemFinding> findings)
    {
        foreach (var target in new[] { EvaluationTarget.Unit, EvaluationTarget.Bureau })
        {
            if (Satisfaction.Current(matter, target) is { Rating: Rating.Dissatisfied } evaluation)
            {
                findings.Add(new(ProblemType.SubstanceUnresolved, ChineseText.Format(
                    $"信访人于{ChineseText.Date(evaluation.On)}对{target.ToChinese()}的办理评价为“不满意”{(evaluation.Comment is { Length: > 0 } c ? "：" + c : "")}")));
            }
        }
    }

    /// <summary>The first-stage opinion (handling opinion, reply or mediation agreement) that was issued.</summary>
    private static Notice? FirstOpinion(Matter matter) =>
        matter.Notices.Where(n => n.Kind is NoticeKind.HandlingOpinion or NoticeKind.Reply or NoticeKind.MediationAgreement).OrderBy(n => n.IssuedOn).LastOrDefault();

    private static bool IsOpinion(NoticeKind kind) =>
        kind is NoticeKind.HandlingOpinion or NoticeKind.Reply or NoticeKind.MediationAgreement or NoticeKind.ReviewOpinion or NoticeKind.RecheckOpinion;

    private static string Name(Deadline clock) => clock.Code switch
    {
        PeriodRules.Dispose => "处置期限",
        PeriodRules.AcceptanceNotice => "受理告知期限",
        PeriodRules.Handling => "办理期限",
        PeriodRules.HandlingSimplified => "简易办理期限",
        PeriodRules.Review => "复查期限",
        PeriodRules.Recheck => "复核期限",
        Deadline.Assigned => "交办报结期限",
        Deadline.Superior => "上级交办期限",
        _ => clock.Code,
    };
}
