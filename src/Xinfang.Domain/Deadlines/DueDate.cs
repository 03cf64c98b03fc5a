namespace Xinfang.Domain.Deadlines;

/// <summary>
/// A computed due date and how it was reached. <see cref="Provisional"/> is true when the result depends on a year
/// whose holidays are not entered yet (weekends alone were used): it may change once that year is entered.
/// <see cref="Explanation"/> is empty unless asked for.
/// </summary>
public sealed record DueDate(
    DateOnly Start,
    int Days,
    PeriodKind Kind,
    bool RollForward,
    DateOnly Due,
    bool Provisional,
    IReadOnlyList<DueReason> Explanation);
