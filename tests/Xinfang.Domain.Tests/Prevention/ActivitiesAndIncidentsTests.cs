using Xinfang.Domain.Prevention;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Tests.Prevention;

/// <summary>The activity log (培训、宣传、律师坐班) and the order log at reception (《信访工作条例》第二十六条、第四十七条).</summary>
public sealed class ActivitiesAndIncidentsTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Fact]
    public void A_training_counts_its_sessions_and_persons()
    {
        var facts = Activities.Check(ActivityKind.Training, Today, Today, " 信访条例学习 ", null, "区信访局", " 各街道 ", 2, 85).Value;

        Assert.Equal(new ActivityFacts(ActivityKind.Training, Today, "信访条例学习", null, "区信访局", "各街道", 2, 85), facts);
    }

    [Fact]
    public void Publicity_and_lawyer_duty_default_to_no_sessions()
    {
        Assert.Equal(0, Activities.Check(ActivityKind.Publicity, Today, Today, "宣传周", "千禧广场", null, null, null, 300).Value.Sessions);
        Assert.Equal(0, Activities.Check(ActivityKind.LawyerDuty, Today, Today, "王律师", null, "某某律师事务所", null, null, 0).Value.Sessions);
    }

    public static TheoryData<string, ActivityKind?, int?, string?, string?, string?, int?, int?> BadActivities() => new()
    {
        { "kind", null, 0, "主题", "地点", "律所", 1, 1 },
        { "on", ActivityKind.Training, null, "主题", null, null, 1, 1 },
        { "on", ActivityKind.Training, 1, "主题", null, null, 1, 1 },
        { "topic", ActivityKind.Training, 0, " ", null, null, 1, 1 },
        { "topic", ActivityKind.Training, 0, new string('题', LedgerRules.TitleLength + 1), null, null, 1, 1 },
        { "place", ActivityKind.Publicity, 0, "宣传周", " ", null, null, 1 },
        { "place", ActivityKind.Publicity, 0, "宣传周", new string('地', LedgerRules.TitleLength * 2 + 1), null, null, 1 },
        { "organiser", ActivityKind.LawyerDuty, 0, "王律师", null, null, null, 1 },
        { "sessions", ActivityKind.Training, 0, "主题", null, null, null, 1 },
        { "sessions", ActivityKind.Training, 0, "主题", null, null, 0, 1 },
        { "sessions", ActivityKind.Publicity, 0, "宣传周", "千禧广场", null, -1, 1 },
        { "sessions", ActivityKind.Training, 0, "主题", null, null, 10_001, 1 },
        { "persons", ActivityKind.Training, 0, "主题", null, null, 1, null },
        { "persons", ActivityKind.Training, 0, "主题", null, null, 1, -1 },
    };

    [Theory]
    [MemberData(nameof(BadActivities))]
    public void A_bad_activity_is_refused_with_its_field_named(string field, ActivityKind? kind, int? onOffset, string? topic, string? place, string? organiser,
                                                               int? sessions, int? persons)
    {
        var error = Activities.Check(kind, onOffset is { } d ? Today.AddDays(d) : null, Today, topic, place, organiser, null, sessions, persons).Error!;

        Assert.Equal(("activity.invalid", ErrorKind.Validation), (error.Code, error.Kind));
        Assert.Contains(field, error.Fields!.Keys);
    }

    private static readonly DateTime Now = new(2026, 11, 20, 2, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void An_incident_is_recorded_with_each_staff_action_once()
    {
        var facts = OrderIncidents.Check(Now.AddMinutes(-5), Now, IncidentBehaviour.Lingering, [StaffAction.Dissuade, StaffAction.Educate, StaffAction.Dissuade], false, " 经劝阻后离开 ").Value;

        Assert.Equal([StaffAction.Dissuade, StaffAction.Educate], facts.StaffActions);
        Assert.Equal("经劝阻后离开", facts.Outcome);
    }

    public static TheoryData<string, DateTime?, IncidentBehaviour?, StaffAction[]?, string?> BadIncidents() => new()
    {
        { "incident.at-invalid", null, IncidentBehaviour.Gathering, [StaffAction.Dissuade], "离开" },
        { "incident.at-invalid", Now.AddMinutes(1), IncidentBehaviour.Gathering, [StaffAction.Dissuade], "离开" },
        { "incident.behaviour-required", Now, null, [StaffAction.Dissuade], "离开" },
        { "incident.staff-action-required", Now, IncidentBehaviour.Violence, null, "离开" },
        { "incident.staff-action-required", Now, IncidentBehaviour.Violence, [], "离开" },
        { "incident.outcome-required", Now, IncidentBehaviour.Other, [StaffAction.Criticise], " " },
        { "incident.outcome-required", Now, IncidentBehaviour.Other, [StaffAction.Criticise], new string('果', LedgerRules.TextLength + 1) },
    };

    [Theory]
    [MemberData(nameof(BadIncidents))]
    public void A_bad_incident_is_refused_with_a_named_error(string code, DateTime? at, IncidentBehaviour? behaviour, StaffAction[]? actions, string? outcome)
    {
        var error = OrderIncidents.Check(at, Now, behaviour, actions, policeCalled: true, outcome).Error!;

        Assert.Equal((code, ErrorKind.Validation), (error.Code, error.Kind));
    }

    [Fact]
    public void Every_behaviour_of_article_26_and_every_staff_action_has_a_chinese_name()
    {
        Assert.All(Enum.GetValues<IncidentBehaviour>(), b => Assert.False(string.IsNullOrWhiteSpace(b.ToChinese())));
        Assert.All(Enum.GetValues<StaffAction>(), a => Assert.False(string.IsNullOrWhiteSpace(a.ToChinese())));
        Assert.All(Enum.GetValues<ActivityKind>(), k => Assert.False(string.IsNullOrWhiteSpace(k.ToChinese())));
    }
}
