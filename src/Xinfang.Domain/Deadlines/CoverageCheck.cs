using Xinfang.Domain.Shared;
namespace Xinfang.Domain.Deadlines;

/// <summary>
/// Notes, once per year, when a computation steps into a year the calendar does not hold: the result is then
/// provisional and the explanation says so (REFERENCE §8: warn, never guess silently). Days must be visited in
/// ascending order.
/// </summary>
internal struct CoverageCheck(WorkCalendar calendar)
{
    private int _lastYear;

    public bool Provisional { get; private set; }

    public void Visit(DateOnly date, List<DueReason>? reasons)
    {
        if (date.Year == _lastYear)
        {
            return;
        }

        _lastYear = date.Year;
        if (!calendar.Covers(date.Year))
        {
            Provisional = true;
            reasons?.Add(new DueReason(date, ChineseText.Format($"{date.Year} 年节假日安排尚未录入，按周末计算，结果为暂定")));
        }
    }
}
