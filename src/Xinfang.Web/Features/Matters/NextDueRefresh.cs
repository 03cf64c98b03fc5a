using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// <see cref="Matter.RefreshNextDue"/> in one UPDATE, for changes made to deadlines in bulk (the calendar
/// recalculation) rather than through <see cref="Matter.Apply"/>: the earliest open duty deadline, ties by code.
/// </summary>
public static class NextDueRefresh
{
    public static Task<int> RefreshAsync(IQueryable<Matter> matters, CancellationToken cancellationToken = default) =>
        matters.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.NextDueOn, m => m.Deadlines.Where(d => d.State == DeadlineState.Open && d.IsDuty)
                .Min(d => (DateOnly?)d.DueOn) ?? Matter.NoDue)
            .SetProperty(m => m.NextDueCode, m => m.Deadlines.Where(d => d.State == DeadlineState.Open && d.IsDuty)
                .OrderBy(d => d.DueOn).ThenBy(d => d.Code).Select(d => d.Code).FirstOrDefault())
            .SetProperty(m => m.NextDueProvisional, m => m.Deadlines.Where(d => d.State == DeadlineState.Open && d.IsDuty)
                .OrderBy(d => d.DueOn).ThenBy(d => d.Code).Select(d => d.Provisional).FirstOrDefault()),
            cancellationToken);
}
