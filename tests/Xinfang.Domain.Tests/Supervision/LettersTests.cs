using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Supervision;

namespace Xinfang.Domain.Tests.Supervision;

public sealed class LettersTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.Shipped;
    private static readonly SweepThresholds Defaults = SweepThresholds.Default;

    // June 2025 has no holidays after 端午 (05-31 to 06-02); 国庆 2025 runs from 10-01 to 10-08.
    [Theory]
    [InlineData("2025-06-10", "2025-06-16", null)]          // Tue → next Mon: 4 working days away
    [InlineData("2025-06-11", "2025-06-16", "Reminder/0")]  // Wed → Mon: 3 working days (Thu, Fri, Mon)
    [InlineData("2025-06-16", "2025-06-16", "Reminder/0")]  // the due date itself
    [InlineData("2025-06-17", "2025-06-16", "Supervision/1")]
    [InlineData("2025-06-30", "2025-06-16", "Supervision/2")] // 10 working days late
    [InlineData("2025-06-27", "2025-06-16", "Supervision/1")] // 9
    [InlineData("2025-06-14", "2025-06-13", null)]          // Saturday after a Friday due date: no working day lost yet
    [InlineData("2025-09-29", "2025-10-10", "Reminder/0")]  // across 国庆 (10-01 to 10-08): 09-30, 10-09, 10-10
    public void The_letter_due_follows_working_days(string asOf, string dueOn, string? expected)
    {
        var letter = Letters.Due(DateOnly.Parse(dueOn), DateOnly.Parse(asOf), Calendar, Defaults);
        Assert.Equal(expected, letter is null ? null : $"{letter.Kind}/{letter.Level}");
    }

    [Fact]
    public void Each_letter_is_carried_by_its_own_kind_of_notice()
    {
        Assert.Equal(NoticeKind.ReminderLetter, new LetterDue(LetterKind.Reminder, 0, 0).NoticeKind);
        Assert.Equal(NoticeKind.SupervisionLetter, new LetterDue(LetterKind.Supervision, 1, 3).NoticeKind);
        Assert.Equal(NoticeKind.ListedSupervisionLetter, new LetterDue(LetterKind.Supervision, 2, 12).NoticeKind);
        Assert.Equal(NoticeFields.SupervisionLetter2, NoticeFields.KeyOf(NoticeKind.ListedSupervisionLetter));
    }

    [Fact]
    public void The_query_bounds_agree_with_the_decision_on_every_day_of_a_year()
    {
        // The sweep reads only clocks due by the horizon and, when past due, on or before the cuts: check them against
        // the decision for every day of 2025 and every due date around it.
        for (var asOf = new DateOnly(2025, 1, 1); asOf.Year == 2025; asOf = asOf.AddDays(1))
        {
            var horizon = Letters.Horizon(asOf, Calendar, Defaults);
            var cut1 = Letters.OverdueCut(asOf, 1, Calendar);
            var cut2 = Letters.OverdueCut(asOf, Defaults.Level2After, Calendar);
            for (var due = asOf.AddDays(-40); due <= asOf.AddDays(20); due = due.AddDays(1))
            {
                var letter = Letters.Due(due, asOf, Calendar, Defaults);
                var read = due <= horizon && (due >= asOf || due <= cut1);
                Assert.True(letter is null || read, $"{asOf}: a letter for {due} lies outside the read");
                if (letter is not null)
                {
                    var level = due <= cut2 ? 2 : due <= cut1 ? 1 : 0;
                    Assert.Equal(letter.Level, level);
                }
            }
        }
    }

    [Fact]
    public void Responsibility_follows_the_clock()
    {
        Guid bureau = Guid.NewGuid(), unit = Guid.NewGuid(), review = Guid.NewGuid();
        Assert.Equal(bureau, Letters.ResponsibleUnit(PeriodRules.Dispose, bureau, unit, review, null));
        Assert.Equal(unit, Letters.ResponsibleUnit(PeriodRules.Handling, bureau, unit, review, null));
        Assert.Equal(review, Letters.ResponsibleUnit(PeriodRules.Review, bureau, unit, review, null));
        Assert.False(Letters.IsSupervised(new Deadline(Guid.NewGuid(), PeriodRules.ReviewRequest, new DateOnly(2025, 1, 1), 30, PeriodKind.Calendar, true, 1, true, new DateOnly(2025, 1, 31), false)));
    }

    [Fact]
    public void Feedback_is_due_five_working_days_after_the_letter()
    {
        Assert.Equal(new DateOnly(2025, 6, 20), Letters.FeedbackDue(new DateOnly(2025, 6, 13), Calendar, Defaults));
    }
}
