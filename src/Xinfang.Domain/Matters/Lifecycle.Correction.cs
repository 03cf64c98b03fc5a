using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

/// <summary>
/// 更正: an issued notice is final (its bytes never change), so a mistake in it is put right by a new numbered
/// notice of the same kind that names the one it corrects and says why. <see cref="Corrections"/> replaces the
/// fields that were wrong; every other field is carried over from the notice as issued.
/// </summary>
public sealed record Reissue(Guid NoticeId, string? Reason = null, IReadOnlyList<FieldCorrection>? Corrections = null, DateOnly? On = null)
    : MatterCommand(On)
{
    public override MatterAction Action => MatterAction.Reissue;
}

/// <summary>One merge field of the corrected notice and what it says now.</summary>
public sealed record FieldCorrection(string? Field, string? Value);

public static partial class Lifecycle
{
    /// <summary>The merge field of a corrected notice that names the notice it replaces, and the one that says why.</summary>
    public const string CorrectsField = "更正文号";
    public const string CorrectionReasonField = "更正原因";

    public const int MaxCorrectionLength = 2000;

    /// <summary>Fields that identify a notice rather than say something: they are never corrected, a new number and date come with the new notice.</summary>
    private static readonly string[] Fixed = ["文书", "文号", "发文日期", "发文单位", "信访件编号", CorrectsField, CorrectionReasonField];

    /// <summary>The fields of a notice of <paramref name="kind"/> that a correction may replace.</summary>
    public static IReadOnlyList<string> CorrectableFields(NoticeKind kind) =>
        [.. NoticeFields.Common.Concat(NoticeFields.Specific(kind)).Except(Fixed)];

    /// <summary>The notices this actor may correct: those their unit issued (the same rule as delivery) that no later notice corrects yet.</summary>
    public static IEnumerable<Notice> Correctable(Matter matter, DecisionContext context) =>
        matter.Notices.Where(n => !IsCorrected(matter, n) && MayDeliver(matter, n, context));

    /// <summary>A notice a later one corrects is superseded: it is neither delivered nor corrected again.</summary>
    public static bool IsCorrected(Matter matter, Notice notice) => matter.Notices.Any(n => n.CorrectsId == notice.Id);

    private static Result<MatterChange> DecideReissue(Step step, Reissue command)
    {
        var matter = step.Matter;
        var notice = matter.Notices.FirstOrDefault(n => n.Id == command.NoticeId);
        if (notice is null)
        {
            return Error.NotFound("notice.not-found", "该事项没有这份文书。");
        }

        if (matter.Notices.FirstOrDefault(n => n.CorrectsId == notice.Id) is { } later)
        {
            return Error.Conflict("notice.already-corrected", "文书已更正",
                $"{notice.Kind.ToChinese()}（{notice.Number}）已由{later.Number}更正，如仍有错误请更正{later.Number}。");
        }

        if (!MayDeliver(matter, notice, step.Context))
        {
            // Whoever issued a notice answers for its wording, as for its delivery.
            return MatterErrors.Forbidden(MatterAction.Reissue);
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return MatterErrors.Invalid("notice.correction-reason-required", "请写明更正原因（原文书错在哪里）。", "reason");
        }

        if (command.Reason.Trim().Length > MaxCorrectionLength)
        {
            return MatterErrors.Invalid("notice.correction-too-long", $"更正原因不超过 {MaxCorrectionLength} 字。", "reason");
        }

        var correctable = CorrectableFields(notice.Kind);
        // A form leaves its correction row empty when only the reason changes: an empty row says nothing.
        var corrections = (command.Corrections ?? [])
            .Where(c => !string.IsNullOrWhiteSpace(c.Field) || !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => (Field: c.Field?.Trim() ?? "", Value: c.Value ?? ""))
            .ToList();
        foreach (var (field, value) in corrections)
        {
            if (!correctable.Contains(field, StringComparer.Ordinal))
            {
                return MatterErrors.Invalid("notice.field-not-correctable",
                    $"{notice.Kind.ToChinese()}没有可更正的“{field}”一项。可更正：{string.Join("、", correctable)}。", "corrections");
            }

            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > MaxCorrectionLength)
            {
                return MatterErrors.Invalid("notice.correction-value-invalid", $"请填写“{field}”更正后的内容（不超过 {MaxCorrectionLength} 字）。", "corrections");
            }
        }

        var fields = new Dictionary<string, string>(notice.FieldValues(), StringComparer.Ordinal);
        foreach (var (field, value) in corrections)
        {
            fields[field] = value.Trim();
        }

        fields[CorrectsField] = notice.Number;
        fields[CorrectionReasonField] = command.Reason.Trim();
        fields.Remove("文号");
        fields.Remove("发文日期");
        var draft = new NoticeDraft(notice.Kind, notice.Recipient, notice.RecipientUnitId, notice.IssuingUnitId, fields) { Corrects = notice.Id };
        return step.Change(command.Reason) with
        {
            Notices = [draft],
            Details = new ReissueDetails(notice.Id, notice.Number) { Kind = notice.Kind },
        };
    }
}
