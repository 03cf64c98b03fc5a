using Xinfang.Domain.Deadlines;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Deadlines;

public sealed class DueDateAllocationTests
{
    [Theory]
    [InlineData("2024-12-01", 60, PeriodKind.Calendar)]
    [InlineData("2025-09-26", 10, PeriodKind.Working)]
    [InlineData("2026-12-20", 15, PeriodKind.Calendar)] // provisional
    public void Without_explanation_only_the_result_is_allocated(string start, int days, PeriodKind kind)
    {
        var calendar = WorkCalendar.Shipped;
        var date = D(start);
        var result = Periods.Due(calendar, date, days, kind);

        var before = GC.GetAllocatedBytesForCurrentThread();
        result = Periods.Due(calendar, date, days, kind);
        var computed = GC.GetAllocatedBytesForCurrentThread() - before;

        before = GC.GetAllocatedBytesForCurrentThread();
        var copy = result with { };
        var oneResult = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(result, copy);
        Assert.Equal(oneResult, computed);
    }
}
