namespace Xinfang.Domain.Deadlines;

/// <summary>One line of a due date's explanation, e.g. 2025-10-05 “国庆节、中秋节假期，顺延”.</summary>
public sealed record DueReason(DateOnly Date, string Reason);
