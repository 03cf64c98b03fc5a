using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>垃圾信息: an online submission set aside by the registrar with a reason, kept and counted, reinstated by a supervisor.</summary>
public sealed class SpamTests
{
    [Fact]
    public void The_registrar_sets_an_online_submission_aside_its_disposal_clock_stops_and_no_disposal_is_open()
    {
        var matter = AMatter().Online().Build();

        Decisions.Do(matter, new MarkSpam("  广告推销，无信访内容 ", matter.LastStepOn), Org.Registrar);

        Assert.Equal((MatterStatus.Registered, "广告推销，无信访内容", "registrar"), (matter.Status, matter.Spam!.Reason, matter.Spam.By));
        Assert.Equal(DeadlineState.Cancelled, matter.LatestDeadline(PeriodRules.Dispose)!.State);
        Assert.Equal(Matter.NoDue, matter.NextDueOn);
        Assert.Equal([MatterAction.MarkSpam], matter.Events.Skip(1).Select(e => e.Action));
        Assert.DoesNotContain(Lifecycle.Allowed(matter, Org.Context(Org.Registrar)), a => a is MatterAction.Transfer or MatterAction.Decline or MatterAction.MarkSpam);
        var refused = Decisions.Refused(matter, new Transfer(Org.StreetA.Id), Org.Registrar);
        Assert.Equal(("matter.marked-spam", ErrorKind.Conflict), (refused.Code, refused.Kind));
        Assert.Equal("matter.already-spam", Decisions.Refused(matter, new MarkSpam("再次"), Org.Registrar).Code);
    }

    [Fact]
    public void Only_a_supervisor_reinstates_it_and_the_disposal_clock_runs_again_from_the_receipt()
    {
        var matter = AMatter().Online().Build();
        var due = matter.OpenDeadline(PeriodRules.Dispose)!.DueOn;
        Decisions.Do(matter, new MarkSpam("乱码", matter.LastStepOn), Org.Registrar);

        Assert.Equal("matter.forbidden", Decisions.Refused(matter, new UnmarkSpam("误标"), Org.Registrar).Code);
        Assert.Equal("matter.reason-required", Decisions.Refused(matter, new UnmarkSpam(" "), Org.Supervisor).Code);
        Decisions.Do(matter, new UnmarkSpam("内容为拖欠工资的求决，误标", matter.LastStepOn), Org.Supervisor);

        Assert.Null(matter.Spam);
        Assert.Equal((DeadlineState.Open, due), (matter.LatestDeadline(PeriodRules.Dispose)!.State, matter.NextDueOn));
        Assert.Contains(MatterAction.Transfer, Lifecycle.Allowed(matter, Org.Context(Org.Registrar)));
        Assert.Equal("matter.not-spam", Decisions.Refused(matter, new UnmarkSpam("再次"), Org.Supervisor).Code);
    }

    [Theory]
    [InlineData(null, "matter.reason-required")]
    [InlineData("   ", "matter.reason-required")]
    public void A_mark_without_a_reason_is_refused(string? reason, string code)
    {
        var matter = AMatter().Online().Build();

        Assert.Equal(code, Decisions.Refused(matter, new MarkSpam(reason), Org.Registrar).Code);
        Assert.Equal("matter.reason-too-long", Decisions.Refused(matter, new MarkSpam(new string('字', Lifecycle.SpamReasonLength + 1)), Org.Registrar).Code);
        Assert.Null(matter.Spam);
    }

    [Fact]
    public void Only_online_submissions_in_the_queue_may_be_marked_and_only_by_the_registrar()
    {
        Assert.Equal("matter.spam-online-only", Decisions.Refused(AMatter().Build(), new MarkSpam("广告"), Org.Registrar).Code);
        Assert.Equal("matter.action-not-allowed", Decisions.Refused(AMatter().Online().Transferred().Build(), new MarkSpam("广告"), Org.Registrar).Code);
        Assert.Equal("matter.forbidden", Decisions.Refused(AMatter().Online().Build(), new MarkSpam("广告"), Org.Supervisor).Code);
        Assert.Equal("matter.forbidden", Decisions.Refused(AMatter().Online().Build(), new MarkSpam("广告"), Org.Handler).Code);
    }
}
