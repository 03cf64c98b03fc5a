using Xinfang.Domain.Intake;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Prevention;

/// <summary>
/// The rules of the dispute-screening ledger (矛盾纠纷排查化解台账): 《信访工作条例》第五条第五项 and 第十条 ask that
/// disputes be screened and resolved at the source (源头预防), 第十五条第三款 that units resolve them where they arise.
/// Pure: the web layer resolves names to ids and stores what these rules accept.
/// </summary>
public static class LedgerRules
{
    public const int TitleLength = 100;
    public const int TextLength = 2000;
    public const int NameLength = 100;
    public const decimal MaxAmount = 10_000_000_000m;

    /// <summary>All the field errors of a draft at once, keyed by field, or the checked facts.</summary>
    public static Result<LedgerItemFacts> Check(LedgerItemDraft draft, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (draft.TopicId is null) Fail("topic", "请选择矛盾类型（须为台账中已有的类型）。");
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Trim().Length > TitleLength) Fail("title", $"请填写标题（不超过 {TitleLength} 字）。");
        if (string.IsNullOrWhiteSpace(draft.Description) || draft.Description.Length > TextLength) Fail("description", $"请填写基本情况（不超过 {TextLength} 字）。");
        if (draft.LocationUnitId is null) Fail("locationUnitId", "请选择问题属地（须为组织机构中的单位）。");
        if (draft.People is { Length: > TextLength }) Fail("people", $"涉及人员不超过 {TextLength} 字。");
        if (draft.Headcount is null or < 1 or > 100_000) Fail("headcount", "涉及人数须为 1 至 100000 之间的整数。");
        if (draft.Amount is < 0 or > MaxAmount) Fail("amount", "涉及金额须为不小于 0 的数额（元）。");
        if (draft.Risk is null) Fail("risk", "请选择风险等级（低、中、高、重大）。");
        if (draft.Source is null) Fail("source", "请选择来源（排查、网格上报、来信来访、12345、上级交办）。");
        if (draft.ResponsibleUnitId is null) Fail("responsibleUnitId", "请选择责任单位（须为组织机构中的单位）。");
        if (string.IsNullOrWhiteSpace(draft.ResponsiblePerson) || draft.ResponsiblePerson.Trim().Length > NameLength) Fail("responsiblePerson", "请填写责任人。");
        if (draft.Leader is { Length: > NameLength }) Fail("leader", $"包案领导不超过 {NameLength} 字。");
        if (draft.Measures is { Length: > TextLength }) Fail("measures", $"稳控化解措施不超过 {TextLength} 字。");
        if (draft.ReportedOn is null) Fail("reportedOn", "请填写排查日期。");
        else if (draft.ReportedOn > today) Fail("reportedOn", "排查日期不能晚于今天。");
        if (draft.DueOn is { } due && draft.ReportedOn is { } reported && due < reported) Fail("dueOn", "化解期限不能早于排查日期。");

        var phone = Blank(draft.ContactPhone) ? (Result<string>?)null : PhoneNumber.Normalize(draft.ContactPhone);
        if (phone is { IsSuccess: false }) Fail("contactPhone", "当事人联系电话格式不正确。");
        var id = Blank(draft.ContactIdNumber) ? null : (Result<IdNumberInfo>?)IdNumber.Parse(draft.ContactIdNumber, today);
        if (id is { IsSuccess: false }) Fail("contactIdNumber", "当事人身份证号不正确（18 位，校验码须正确）。");
        if (draft.Status is LedgerStatus.BecamePetition) Fail("status", "新登记的台账事项不能直接为“已转信访”，请在化解进展中关联信访事项。");

        if (errors.Count > 0)
        {
            return Error.Validation("ledger.invalid", string.Join(" ", errors.Values.SelectMany(m => m)), errors);
        }

        return new LedgerItemFacts(draft.TopicId!.Value, draft.Title!.Trim(), draft.Description!.Trim(), draft.LocationUnitId!.Value,
            draft.People?.Trim() ?? "", draft.Headcount!.Value, draft.Amount, phone?.Value, id?.Value.Normalized, draft.Risk!.Value, draft.Source!.Value,
            draft.ResponsibleUnitId!.Value, draft.ResponsiblePerson!.Trim(), Blank(draft.Leader) ? null : draft.Leader!.Trim(),
            draft.Measures?.Trim() ?? "", draft.ReportedOn!.Value, draft.DueOn, draft.Status ?? LedgerStatus.Unresolved);
    }

    /// <summary>
    /// An update to an open item: a note on what was done, optionally a new status and measures. A closed item
    /// (已化解, 已转信访) takes no more updates; 已转信访 needs the matter it became, so that the analysis can follow it.
    /// </summary>
    public static Result<LedgerUpdate> Decide(LedgerStatus current, DateOnly reportedOn, bool hasMatter, string? note, LedgerStatus? status,
                                              string? measures, Guid? matterId, DateOnly? on, DateOnly today, string by)
    {
        if (current.IsClosed())
        {
            return Error.Conflict("ledger.item-closed", "台账事项已办结", $"该事项已{current.ToChinese()}，不能再记录进展。");
        }

        if (string.IsNullOrWhiteSpace(note) || note.Length > TextLength)
        {
            return Error.Validation("ledger.note-required", $"请填写化解进展（不超过 {TextLength} 字）。", "note");
        }

        if (measures is { Length: > TextLength })
        {
            return Error.Validation("ledger.measures-too-long", $"稳控化解措施不超过 {TextLength} 字。", "measures");
        }

        var date = on ?? today;
        if (date > today || date < reportedOn)
        {
            return Error.Validation("ledger.on-invalid", "进展日期须在排查日期和今天之间。", "on");
        }

        if (status is LedgerStatus.BecamePetition && !hasMatter && matterId is null)
        {
            return Error.Rule("ledger.matter-required", "须关联信访事项", "转为信访事项的台账事项须关联所转成的信访事项。");
        }

        return new LedgerUpdate(date, note.Trim(), status == current ? null : status, string.IsNullOrWhiteSpace(measures) ? null : measures.Trim(), matterId, by);
    }

    /// <summary>
    /// A correction of an open item's fields after filing (the street got the amount wrong, the risk was raised): the
    /// corrected facts keep the item's status, and the history records who changed which fields on which day, so that
    /// the ledger shows what was reported first. A closed item is not edited; nothing changed is no edit.
    /// </summary>
    public static Result<LedgerUpdate> DecideEdit(LedgerItemFacts current, LedgerItemFacts corrected, DateOnly today, string by)
    {
        if (current.Status.IsClosed())
        {
            return Error.Conflict("ledger.item-closed", "台账事项已办结", $"该事项已{current.Status.ToChinese()}，不能再修改。");
        }

        var changed = Changed(current, corrected);
        if (changed.Count == 0)
        {
            return Error.Validation("ledger.edit-unchanged", "没有修改任何内容。", "title");
        }

        return new LedgerUpdate(today, $"修改了{string.Join("、", changed)}。", null, null, null, by);
    }

    /// <summary>The Chinese names of the fields that differ, in the form's order (the contact's identifiers by name only).</summary>
    public static IReadOnlyList<string> Changed(LedgerItemFacts a, LedgerItemFacts b) =>
        new (string Name, bool Differs)[]
        {
            ("矛盾类型", a.TopicId != b.TopicId), ("标题", a.Title != b.Title), ("基本情况", a.Description != b.Description),
            ("问题属地", a.LocationUnitId != b.LocationUnitId), ("涉及人员", a.People != b.People), ("涉及人数", a.Headcount != b.Headcount),
            ("涉及金额", a.Amount != b.Amount), ("当事人电话", a.ContactPhone != b.ContactPhone), ("当事人身份证号", a.ContactIdNumber != b.ContactIdNumber),
            ("风险等级", a.Risk != b.Risk), ("来源", a.Source != b.Source), ("责任单位", a.ResponsibleUnitId != b.ResponsibleUnitId),
            ("责任人", a.ResponsiblePerson != b.ResponsiblePerson), ("包案领导", a.Leader != b.Leader), ("稳控化解措施", a.Measures != b.Measures),
            ("排查日期", a.ReportedOn != b.ReportedOn), ("化解期限", a.DueOn != b.DueOn),
        }.Where(f => f.Differs).Select(f => f.Name).ToList();

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
