using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>凡访必登: what registration builds, and the bureau's 15-day disposal clock it opens (第二十二条).</summary>
public sealed class RegistrationTests
{
    private static readonly DateOnly Today = D("2026-03-10");

    private static (Matter Matter, MatterChange Change) Register(RegistrationInput input, DeadlineRules? clocks = null) =>
        Registration.Register(input, "610114-2025-000001", "hash", Org.Bureau.Id, Org.Context(Org.Registrar, Today, clocks)).Value;

    [Fact]
    public void A_registered_matter_carries_the_form_trimmed_and_a_receipt_to_issue()
    {
        var input = Registrations.Valid() with { Title = "  拆迁补偿款未按时发放 ", Demands = [" 补发拆迁补偿款 ", "", "公开补偿标准"] };

        var (matter, change) = Register(input);

        Assert.Equal((MatterStatus.Registered, "610114-2025-000001", Org.Bureau.Id), (matter.Status, matter.Number, matter.RegisteringUnitId));
        Assert.Equal("拆迁补偿款未按时发放", matter.Title);
        Assert.Equal(["补发拆迁补偿款", "公开补偿标准"], matter.Demands);
        Assert.Equal((MatterAction.Register, null, MatterStatus.Registered, D("2025-03-03")), (change.Action, change.From, change.To, change.On));
        Assert.Equal(NoticeKind.Receipt, Assert.Single(change.Notices).Kind);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(12, true)]
    [InlineData(4, false)]
    public void A_visit_of_five_or_more_people_is_flagged_collective(int headcount, bool collective)
    {
        var (matter, _) = Register(Registrations.Valid() with { Channel = Channel.Visit, Headcount = headcount });

        Assert.Equal(collective, matter.Has(MatterFlag.Collective));
    }

    [Fact]
    public void Five_representatives_are_accepted()
    {
        var input = Registrations.Valid() with { Petitioners = [.. Enumerable.Range(1, 5).Select(n => Registrations.Person(n, representative: true))], Headcount = 30 };

        var (matter, _) = Register(input);

        Assert.Equal(5, matter.Petitioners.Count(p => p.IsRepresentative));
    }

    [Fact]
    public void A_fifteen_digit_id_number_is_stored_upgraded_to_eighteen_digits()
    {
        var (matter, _) = Register(Registrations.Valid() with { Petitioners = [new PetitionerInput("张三", "610114800517123")] });

        var petitioner = Assert.Single(matter.Petitioners);
        Assert.Equal(("610114198005171233", Sex.Male, D("1980-05-17")), (petitioner.IdNumber, petitioner.Sex!.Value, petitioner.BirthDate!.Value));
    }

    [Fact]
    public void Content_of_exactly_ten_thousand_characters_is_accepted()
    {
        var (matter, _) = Register(Registrations.Valid() with { Content = new string('字', Limits.Content) });

        Assert.Equal(10_000, matter.Content.Length);
    }

    [Theory]
    [InlineData("2025-09-20", "2025-10-09")] // 10-05 falls in National Day: rolls to 10-09
    [InlineData("2025-09-26", "2025-10-11")] // 10-11 is a Saturday 调休 working day: no roll
    public void The_bureau_has_fifteen_calendar_days_to_dispose_rolled_past_holidays(string receivedOn, string due)
    {
        var (_, change) = Register(Registrations.Valid(D(receivedOn)));

        var dispose = Assert.Single(change.Opened);
        Assert.Equal((PeriodRules.Dispose, D(receivedOn), 15, PeriodKind.Calendar, D(due), true), (dispose.Code, dispose.StartOn, dispose.Days, dispose.Kind, dispose.DueOn, dispose.IsDuty));
    }

    [Fact]
    public void A_local_rule_shortens_the_disposal_of_an_urgent_matter_and_leaves_others_alone()
    {
        var urgentRule = new PeriodRule("dispose.urgent", "紧急事项处置期限", 7, PeriodKind.Calendar, true, "阎良区信访局紧急事项办理规定", Version: 2);
        var clocks = new DeadlineRules(WorkCalendar.Shipped, [urgentRule]);

        var (_, urgent) = Register(Registrations.Valid() with { Flags = [MatterFlag.Urgent] }, clocks);
        var (_, ordinary) = Register(Registrations.Valid(), clocks);

        var shortened = urgent.Opened.Single();
        Assert.Equal((PeriodRules.Dispose, 7, 2, D("2025-03-10")), (shortened.Code, shortened.Days, shortened.RuleVersion, shortened.DueOn));
        Assert.Equal((15, D("2025-03-18")), (ordinary.Opened.Single().Days, ordinary.Opened.Single().DueOn));
    }

    [Fact]
    public void A_matter_assigned_from_above_carries_the_due_date_set_there()
    {
        var input = Registrations.Valid() with { Channel = Channel.Superior, Superior = new SuperiorAssignment(" 市信转〔2025〕8号 ", D("2025-03-25")) };

        var (matter, change) = Register(input);

        Assert.Equal("市信转〔2025〕8号", matter.Superior!.Number);
        var superior = change.Opened.Single(d => d.Code == Deadline.Superior);
        Assert.Equal((D("2025-03-25"), true), (superior.DueOn, superior.IsFixed));
        Assert.Contains("superior", matter.Qualifiers);
    }
}
