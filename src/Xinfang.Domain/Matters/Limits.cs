namespace Xinfang.Domain.Matters;

/// <summary>
/// Documented size limits of what a clerk can enter. A letter longer than <see cref="Content"/> characters is
/// summarised in the content and attached as a scan.
/// </summary>
public static class Limits
{
    public const int Title = 100;
    public const int Content = 10_000;
    public const int Demand = 500;
    public const int Demands = 20;
    public const int Name = 50;
    public const int Address = 200;

    /// <summary>The body a matter is routed to (法定途径的受理机关), as the route notice names it.</summary>
    public const int RoutedBody = 200;
    public const int Petitioners = 50;
    public const int Headcount = 10_000;
    public const int Note = 4_000;
    public const int Opinion = 10_000;

    /// <summary>
    /// The longest hearing one entry may record. The law sets none, but its time is added to the recheck's 30 days
    /// (第三十六条第二款): a hearing of days or weeks is real, one of months or years is a slip that would move the deadline.
    /// </summary>
    public const int HearingDays = 30;

    /// <summary>At most five representatives of a collective visit (第二十条).</summary>
    public const int Representatives = 5;

    /// <summary>From this many people a visit is collective (集体访), which is when representatives are elected.</summary>
    public const int CollectiveHeadcount = 5;
}
