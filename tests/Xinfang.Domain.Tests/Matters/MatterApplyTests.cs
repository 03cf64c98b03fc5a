using System.Security.Cryptography;
using System.Text;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary><see cref="Matter.Apply"/> carries out a decision: status, version, history, clocks and notices.</summary>
public sealed class MatterApplyTests
{
    [Fact]
    public void Each_change_sets_the_status_and_raises_the_version_by_one()
    {
        var matter = AMatter().Build();
        Assert.Equal(1, matter.Version);

        Decisions.Do(matter, new Transfer(Org.StreetA.Id, On: D("2025-03-04")), Org.Registrar);
        Assert.Equal((MatterStatus.Transferred, 2), (matter.Status, matter.Version));

        Decisions.Do(matter, new Accept(On: D("2025-03-05")), Org.Handler);
        Assert.Equal((MatterStatus.Accepted, 3), (matter.Status, matter.Version));
        Assert.Equal(matter.Version, matter.Events.Count);
    }

    [Fact]
    public void Each_change_appends_who_did_what_on_which_day_from_and_to()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred(D("2025-03-04")).Build();

        Assert.Equal(
            [(MatterAction.Register, (MatterStatus?)null, MatterStatus.Registered, D("2025-03-03"), "registrar", (string?)null),
             (MatterAction.Transfer, MatterStatus.Registered, MatterStatus.Transferred, D("2025-03-04"), "registrar", "请依法办理")],
            matter.Events.Select(e => (e.Action, e.From, e.To, e.On, e.By, e.Note)));
        Assert.All(matter.Events, e => Assert.Equal(Decisions.At, e.At));
        Assert.Equal((Decisions.At, Decisions.At), (matter.RegisteredAt, matter.UpdatedAt));
    }

    [Fact]
    public void The_details_of_a_step_are_kept_as_versioned_json_and_read_back_as_their_record()
    {
        var matter = AMatter().Transferred().Accepted().Logged(LogKind.Mediation).Build();

        Assert.Equal("{\"v\":1,\"kind\":\"mediation\"}", matter.Events[^1].Data);
        Assert.Equal(new LogDetails(LogKind.Mediation), matter.Events[^1].Details);
        Assert.Null(matter.Events[1].Data);
    }

    [Fact]
    public void A_change_needs_one_number_for_each_notice()
    {
        var matter = AMatter().Build();
        var change = Decisions.Decide(matter, new Transfer(Org.StreetA.Id), Org.Registrar).Value;

        Assert.Throws<ArgumentException>(() => matter.Apply(change, ["阎信转〔2025〕1号"], "registrar", Decisions.At));
        Assert.Equal(MatterStatus.Registered, matter.Status);
    }

    [Fact]
    public void The_last_step_date_only_moves_forward()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred(D("2025-03-04")).Accepted(D("2025-03-10")).Build();
        var transferNotice = matter.Notices.Single(n => n.Kind == NoticeKind.TransferNotice);

        Decisions.Do(matter, new Deliver(transferNotice.Id, DeliveryMethod.Post, D("2025-03-06")), Org.Registrar);

        Assert.Equal(D("2025-03-10"), matter.LastStepOn);
        Assert.Equal(D("2025-03-06"), matter.Events[^1].On);
    }

    [Fact]
    public void Notices_get_the_numbers_the_caller_gives_them_in_order()
    {
        var matter = AMatter().Build();
        var change = Decisions.Decide(matter, new Transfer(Org.StreetA.Id), Org.Registrar).Value;

        var issued = matter.Apply(change, ["阎信转〔2025〕1号", "阎信转〔2025〕2号"], "registrar", Decisions.At);

        Assert.Equal([NoticeKind.TransferNotice, NoticeKind.TransferLetter], change.Notices.Select(n => n.Kind));
        Assert.Equal([NoticeKind.TransferNotice, NoticeKind.TransferLetter], issued.Select(n => n.Kind));
        Assert.Equal(["阎信转〔2025〕1号", "阎信转〔2025〕2号"], issued.Select(n => n.Number));
        Assert.Equal(issued, matter.Notices.TakeLast(2));
        Assert.All(issued, n => Assert.Equal((change.On, "registrar"), (n.IssuedOn, n.IssuedBy)));
    }

    [Fact]
    public void A_notices_fields_are_hashed_so_the_same_fields_give_the_same_sha256()
    {
        Notice Issue(string number)
        {
            var matter = AMatter().Build();
            var change = Decisions.Decide(matter, new Transfer(Org.StreetA.Id, On: D("2025-03-04")), Org.Registrar).Value;
            return matter.Apply(change, [number, number + "函"], "registrar", Decisions.At)[0];
        }

        var first = Issue("阎信转〔2025〕7号");
        var again = Issue("阎信转〔2025〕7号");
        var other = Issue("阎信转〔2025〕8号");

        Assert.Equal(first.Fields, again.Fields);
        Assert.Equal(first.Sha256, again.Sha256);
        Assert.NotEqual(first.Sha256, other.Sha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first.Fields))), first.Sha256);
        Assert.Contains("\"文号\":\"阎信转〔2025〕7号\"", first.Fields, StringComparison.Ordinal);
        Assert.Contains("\"发文日期\":\"2025年3月4日\"", first.Fields, StringComparison.Ordinal);
    }

    [Fact]
    public void Clocks_opened_closed_and_reopened_by_a_change_are_carried_out()
    {
        var matter = AMatter().ReceivedOn("2025-03-03").Transferred(D("2025-03-04")).Build();
        var dispose = matter.LatestDeadline(PeriodRules.Dispose)!;
        Assert.Equal((DeadlineState.Met, (DateOnly?)D("2025-03-04")), (dispose.State, dispose.ClosedOn));

        Decisions.Do(matter, new Objection("不属于本单位", D("2025-03-05")), Org.Handler);

        Assert.Equal((DeadlineState.Open, (DateOnly?)null), (dispose.State, dispose.ClosedOn));
        Assert.Equal(3, matter.Deadlines.Count);
    }
}
