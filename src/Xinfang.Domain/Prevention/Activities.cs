using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Prevention;

/// <summary>培训、宣传活动、律师坐班: the work around the petitions that the annual report counts.</summary>
public enum ActivityKind
{
    Training,
    Publicity,
    LawyerDuty,
}

public sealed record ActivityFacts(ActivityKind Kind, DateOnly On, string Topic, string? Place, string? Organiser, string? Units, int Sessions, int Persons);

public static class Activities
{
    public static string ToChinese(this ActivityKind kind) => kind switch
    {
        ActivityKind.Training => "业务培训",
        ActivityKind.Publicity => "宣传活动",
        ActivityKind.LawyerDuty => "律师坐班",
    };

    /// <summary>
    /// Trainings count sessions and person-times (场次、人次); publicity its reach; a lawyer's duty day the lawyer (in
    /// <c>topic</c>), the firm (in <c>organiser</c>) and the visitors received (in <c>persons</c>).
    /// </summary>
    public static Result<ActivityFacts> Check(ActivityKind? kind, DateOnly? on, DateOnly today, string? topic, string? place, string? organiser,
                                              string? units, int? sessions, int? persons)
    {
        var errors = new Dictionary<string, string[]>();
        if (kind is null) errors["kind"] = ["请选择活动类型（training、publicity、lawyer-duty）。"];
        if (on is null || on > today) errors["on"] = ["请填写日期，且不能晚于今天。"];
        if (string.IsNullOrWhiteSpace(topic) || topic.Trim().Length > LedgerRules.TitleLength)
        {
            errors["topic"] = [kind == ActivityKind.LawyerDuty ? "请填写坐班律师姓名。" : $"请填写主题（不超过 {LedgerRules.TitleLength} 字）。"];
        }

        if (kind == ActivityKind.Publicity && string.IsNullOrWhiteSpace(place)) errors["place"] = ["请填写宣传地点（如千禧广场）。"];
        if (kind == ActivityKind.LawyerDuty && string.IsNullOrWhiteSpace(organiser)) errors["organiser"] = ["请填写律师所在律师事务所。"];
        if (sessions is < 0 or > 10_000 || kind == ActivityKind.Training && sessions is null or 0) errors["sessions"] = ["场次须为 1 至 10000 之间的整数。"];
        if (persons is null or < 0 or > 10_000_000) errors["persons"] = ["人次须为不小于 0 的整数。"];
        foreach (var (field, value) in new[] { ("place", place), ("organiser", organiser), ("units", units) })
        {
            if (value is { Length: > LedgerRules.TitleLength * 2 }) errors[field] = [$"不超过 {LedgerRules.TitleLength * 2} 字。"];
        }

        if (errors.Count > 0)
        {
            return Error.Validation("activity.invalid", string.Join(" ", errors.Values.SelectMany(m => m)), errors);
        }

        return new ActivityFacts(kind!.Value, on!.Value, topic!.Trim(), place?.Trim(), organiser?.Trim(), units?.Trim(), sessions ?? (kind == ActivityKind.Training ? 1 : 0), persons!.Value);
    }
}
