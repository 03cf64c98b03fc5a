using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;
using static Xinfang.Domain.Tests.Matters.MatterBuilder;

namespace Xinfang.Domain.Tests.Matters;

/// <summary>简易办理: first-time petitions only, a handling opinion within 10 working days of acceptance.</summary>
public sealed class SimplifiedProcedureTests
{
    [Fact]
    public void The_simplified_procedure_is_refused_for_a_matter_not_flagged_first_time()
    {
        var matter = AMatter().Transferred().Build();

        var error = Decisions.Refused(matter, new Accept(Simplified: true), Org.Handler);

        Assert.Equal(("matter.simplified-not-eligible", ErrorKind.Validation), (error.Code, error.Kind));
        Assert.Equal(["simplified"], error.Fields!.Keys);
    }

    [Theory]
    [InlineData("2025-09-26", "2025-10-16")] // Sunday 9-28 and Saturday 10-11 (调休) count; 10-01 to 10-08 do not
    [InlineData("2026-02-12", "2026-03-04")] // Saturdays 2-14 and 2-28 (调休) count; the Spring Festival does not
    public void A_first_time_matter_accepted_for_simplified_handling_is_due_in_ten_working_days(string acceptedOn, string due)
    {
        var matter = AMatter().ReceivedOn(acceptedOn).FirstTime().Transferred().Accepted(simplified: true).Build();

        Assert.True(matter.Simplified);
        Assert.Null(matter.OpenDeadline(PeriodRules.Handling));
        var handling = matter.OpenDeadline(PeriodRules.HandlingSimplified)!;
        Assert.Equal((10, PeriodKind.Working, D(due)), (handling.Days, handling.Kind, handling.DueOn));
        Assert.Equal(PeriodRules.HandlingSimplified, matter.HandlingCode);
    }

    [Fact]
    public void Concluding_a_simplified_matter_closes_its_ten_day_clock()
    {
        var matter = AMatter().ReceivedOn("2025-09-26").FirstTime().Transferred().Accepted(simplified: true).Concluded(on: D("2025-10-17")).Build();

        Assert.Equal(DeadlineState.Late, matter.LatestDeadline(PeriodRules.HandlingSimplified)!.State);
    }
}
