using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;

namespace Xinfang.Web.Tests.Infrastructure;

/// <summary>The matters whose stored next due date (or its code) differs from the one their stored deadlines give.</summary>
public static class NextDueCheck
{
    public static Task<List<string>> MismatchesAsync(XinfangApp app) => app.WithDbAsync(db => db.Matters
        .Where(m => m.NextDueOn != (m.Deadlines.Where(d => d.State == DeadlineState.Open && d.IsDuty).Min(d => (DateOnly?)d.DueOn) ?? Matter.NoDue)
            || m.NextDueCode != m.Deadlines.Where(d => d.State == DeadlineState.Open && d.IsDuty).OrderBy(d => d.DueOn).ThenBy(d => d.Code)
                .Select(d => d.Code).FirstOrDefault())
        .Select(m => m.Number)
        .ToListAsync(TestContext.Current.CancellationToken));
}
