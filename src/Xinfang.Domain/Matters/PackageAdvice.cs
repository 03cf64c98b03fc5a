using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Matters;

/// <summary>
/// 领导包案 (第十八条第二款: leaders take charge of resolving prominent problems): a collective, over-level, urgent or
/// repeated matter is suggested for a leader's package. The suggestion only; someone decides to assign a leader.
/// </summary>
public static class PackageAdvice
{
    public static IReadOnlyList<string> Reasons(Matter matter)
    {
        var reasons = new List<string>();
        if (matter.Has(MatterFlag.Collective))
        {
            reasons.Add("集体访");
        }

        if (matter.Has(MatterFlag.OverLevel))
        {
            reasons.Add("越级访");
        }

        if (matter.Has(MatterFlag.Urgent))
        {
            reasons.Add("紧急事项");
        }

        if (matter.Has(MatterFlag.Threat))
        {
            reasons.Add("扬言");
        }

        if (matter.RepeatOfId is not null || matter.RepeatCandidates.Any(c => c.Score >= 0.7))
        {
            reasons.Add("重复信访");
        }

        return reasons;
    }
}
