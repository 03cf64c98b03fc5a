using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

/// <summary>
/// The merge fields of a notice (REFERENCE.md §5.4): what every notice says about the matter, plus what this kind
/// adds (the unit it went to, the reason, the remedy). A notice to a unit about an accusation leaves the accuser's
/// identity out (第三十条第三款).
/// </summary>
public static class NoticeContent
{
    public static IReadOnlyDictionary<string, string> Fields(Matter matter, NoticeKind kind, Recipient recipient, Guid issuingUnitId, DecisionContext context,
                                                           DateOnly on, IReadOnlyDictionary<string, string>? extra)
    {
        var confidential = matter.Purpose == Purpose.Accusation && recipient != Recipient.Petitioner;
        var fields = new Dictionary<string, string>
        {
            ["文书"] = kind.ToChinese(),
            ["信访件编号"] = matter.Number,
            ["信访人"] = confidential ? "（检举控告人信息保密）" : Petitioners(matter),
            ["信访日期"] = ChineseText.LongDate(matter.ReceivedOn),
            ["信访形式"] = matter.Channel.ToChinese(),
            ["信访目的"] = matter.Purpose.ToChinese(),
            ["事项"] = matter.Title,
            ["诉求"] = string.Join("；", matter.Demands.Select((d, i) => $"{i + 1}. {d}")),
            ["发文单位"] = context.NameOf(issuingUnitId),
        };

        if (Remedy(matter, kind, context, on) is { } remedy)
        {
            fields["救济途径"] = remedy;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }

        return fields;
    }

    /// <summary>
    /// The remedy clause: where and by when the petitioner may ask for review or recheck, or that the matter is final.
    /// The periods come from the rules in force, so a local rule an administrator edits changes the printed text too.
    /// </summary>
    private static string? Remedy(Matter matter, NoticeKind kind, DecisionContext context, DateOnly on)
    {
        PeriodRule Rule(string code) => context.Deadlines.RuleFor(code, matter.Qualifiers);
        return kind switch
        {
            NoticeKind.HandlingOpinion =>
                $"如不服本处理意见，可自收到本意见书之日起{Rule(PeriodRules.ReviewRequest).Written}内向{Named(context.UnitOf(matter.UnitId)?.ReviewBodyId, context)}提出复查请求（{Rule(PeriodRules.ReviewRequest).Article}）。",
            NoticeKind.ReviewOpinion =>
                $"如不服本复查意见，可自收到本意见书之日起{Rule(PeriodRules.RecheckRequest).Written}内向{Named(context.UnitOf(matter.ReviewBodyId)?.ReviewBodyId, context)}提出复核请求（{Rule(PeriodRules.RecheckRequest).Article}）。",
            NoticeKind.RecheckOpinion =>
                "本复核意见为最终意见。信访人仍以同一事实和理由提出投诉请求的，各级信访部门和其他机关、单位不再受理（《信访工作条例》第三十六条第三款）。",
            NoticeKind.AcceptanceNotice =>
                $"本机关已于{ChineseText.LongDate(on)}受理，将在{Rule(PeriodRules.Handling).Written}内办结（简易办理的，{Rule(PeriodRules.HandlingSimplified).Written}内）。",
            _ => null,
        };
    }

    /// <summary>
    /// What a 处理意见书 (or reply, or mediation agreement) adds (REFERENCE.md §5.2, 第三十二条): when it was accepted,
    /// the facts found, the legal basis, the decision, and one paragraph per demand when the opinion answers them one
    /// by one.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Opinion(Matter matter, Conclusion conclusion)
    {
        // Items are the second level of the body's numbering (（一）（二）…), under the section that holds them.
        string Item(ConclusionItem item, int i)
        {
            var facts = string.IsNullOrWhiteSpace(item.Facts) ? conclusion.Facts : item.Facts;
            var basis = string.IsNullOrWhiteSpace(item.LegalBasis) ? conclusion.LegalBasis : item.LegalBasis;
            return $"（{ChineseText.Numeral(i + 1)}）关于“{item.Demand}”的诉求。"
                + (string.IsNullOrWhiteSpace(facts) ? "" : $"经查，{facts.Trim().TrimEnd('。')}。")
                + (string.IsNullOrWhiteSpace(basis) ? "" : $"依据{basis.Trim().TrimEnd('。')}，")
                + $"处理意见为：{item.Outcome.ToChinese()}。";
        }

        var items = conclusion.Items.Count > 0
            ? string.Join("\n", conclusion.Items.Select(Item))
            : string.Join("\n", matter.Demands.Select((d, i) => Item(new ConclusionItem(d, conclusion.Outcome, conclusion.Facts, conclusion.LegalBasis), i)));
        var fields = new Dictionary<string, string>
        {
            ["处理结论"] = conclusion.Outcome.ToChinese(),
            ["查明事实"] = conclusion.Facts?.Trim() ?? "",
            ["法律依据"] = conclusion.LegalBasis?.Trim() ?? "",
            ["处理意见"] = conclusion.Opinion?.Trim() ?? "",
            ["逐项意见"] = items,
        };
        if (matter.AcceptedOn is { } accepted)
        {
            fields["受理日期"] = ChineseText.LongDate(accepted);
        }

        return fields;
    }

    private static string Named(Guid? unitId, DecisionContext context) => context.NameOf(unitId) is { Length: > 0 } name ? name : "上一级机关";

    private static string Petitioners(Matter matter) =>
        matter.Petitioners.Count == 0 ? "（匿名）" : string.Join("、", matter.Petitioners.OrderBy(p => p.Order).Select(p => p.Name))
            + (matter.Headcount > matter.Petitioners.Count ? $" 等 {matter.Headcount} 人" : "");
}
