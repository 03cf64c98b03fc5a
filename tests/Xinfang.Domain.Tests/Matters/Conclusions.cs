using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>Handling opinions that satisfy <see cref="ConclusionRules"/>, to be varied one field at a time.</summary>
internal static class Conclusions
{
    public const string Facts = "经查，该户补偿款因账户信息错误未能发放。";
    public const string LegalBasis = "《国有土地上房屋征收与补偿条例》第二十七条";
    public const string Opinion = "支持信访人的诉求，责成征收部门于 30 日内补发。";

    /// <summary>A complete opinion fitting the matter: a reply for a suggestion, otherwise <paramref name="outcome"/> (支持 by default).</summary>
    public static Conclude Of(Matter matter, Outcome? outcome = null)
    {
        var chosen = outcome ?? (matter.Purpose == Purpose.Suggestion ? Outcome.Replied : Outcome.Support);
        return chosen switch
        {
            Outcome.Replied => new Conclude(Outcome.Replied, Opinion: "感谢您的建议，已转交公交公司研究采纳。"),
            Outcome.Mediated => new Conclude(Outcome.Mediated, Opinion: "双方自愿达成调解协议。"),
            _ => new Conclude(chosen, Facts, LegalBasis, Opinion),
        };
    }
}
