using Xinfang.Domain.Intake;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

/// <summary>
/// What a handling opinion must contain (第三十二条): the facts found, the opinion and its basis, and an outcome for
/// every demand — with a legal basis above all where the answer is 不予支持. A mediation agreement needs a 申诉求决
/// matter and a mediation on record (第三十三条); a suggestion is answered with a reply (第二十九条).
/// </summary>
public static class ConclusionRules
{
    public static Error? Check(Matter matter, Conclude command)
    {
        var items = command.Items ?? [];
        var substantive = IsSubstantive(command.Outcome);

        if (matter.Purpose == Purpose.Suggestion != (command.Outcome == Outcome.Replied))
        {
            return Invalid("matter.outcome-invalid", matter.Purpose == Purpose.Suggestion
                ? "建议意见类事项以“答复”办结（第二十九条）。"
                : "“答复”只用于建议意见类事项；请给出支持、解释说明、不予支持，或以调解协议办结。", "outcome");
        }

        if (command.Outcome == Outcome.Mediated)
        {
            if (matter.Purpose != Purpose.Claim)
            {
                return Invalid("matter.outcome-invalid", "调解协议只适用于申诉求决类事项（第三十三条）。", "outcome");
            }

            if (!matter.HasMediationOnRecord)
            {
                return Invalid("matter.mediation-missing", "以调解结案前，请先在办理记录中记录调解情况。", "outcome");
            }
        }

        if (string.IsNullOrWhiteSpace(command.Opinion))
        {
            return Invalid("matter.opinion-required", "请填写处理意见。", "opinion");
        }

        if (command.Opinion.Length > Limits.Opinion || (command.Facts?.Length ?? 0) > Limits.Opinion)
        {
            return Invalid("matter.opinion-too-long", $"处理意见和查明事实各不超过 {Limits.Opinion} 字。", "opinion");
        }

        if (items.Count > 0)
        {
            if (!substantive || items.Any(i => !IsSubstantive(i.Outcome)))
            {
                return Invalid("matter.outcome-invalid", "逐项结论只用于处理意见，每项只能是支持、解释说明或不予支持。", "items");
            }

            var covered = items.Select(i => i.Demand.Trim()).ToList();
            var missing = matter.Demands.Where(d => !covered.Contains(d.Trim())).ToList();
            if (missing.Count > 0 || covered.Distinct().Count() != covered.Count || covered.Count != matter.Demands.Count)
            {
                return Invalid("matter.demands-not-covered", missing.Count > 0
                    ? $"以下诉求没有处理结论：{string.Join("；", missing)}。"
                    : "逐项结论须与登记的诉求一一对应，不得重复或增加。", "items");
            }
        }

        if (command.Standards?.FirstOrDefault(s => string.IsNullOrWhiteSpace(s.Evidence)) is { } unproven)
        {
            return Invalid("matter.standard-evidence-required", $"“{unproven.Standard.ToChinese()}”须写明佐证（第二十七条）。", "standards");
        }

        if (!substantive)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(command.Facts) && (items.Count == 0 || items.Any(i => string.IsNullOrWhiteSpace(i.Facts))))
        {
            return Invalid("matter.facts-required", "请写明查明的事实（第三十二条）。", "facts");
        }

        var rejectedWithoutBasis = items.Count == 0
            ? command.Outcome == Outcome.Reject && string.IsNullOrWhiteSpace(command.LegalBasis)
            : items.Any(i => i.Outcome == Outcome.Reject && string.IsNullOrWhiteSpace(i.LegalBasis) && string.IsNullOrWhiteSpace(command.LegalBasis));
        if (rejectedWithoutBasis)
        {
            return Invalid("matter.legal-basis-required", "不予支持须写明所依据的法律、法规、规章或政策（第三十二条）。", "legalBasis");
        }

        if (string.IsNullOrWhiteSpace(command.LegalBasis) && (items.Count == 0 || items.Any(i => string.IsNullOrWhiteSpace(i.LegalBasis))))
        {
            return Invalid("matter.legal-basis-required", "处理意见须写明依据（第三十二条）。", "legalBasis");
        }

        return null;
    }

    private static bool IsSubstantive(Outcome outcome) => outcome is Outcome.Support or Outcome.Explain or Outcome.Reject;

    private static Error Invalid(string code, string detail, string field) => Error.Validation(code, detail, field);
}
