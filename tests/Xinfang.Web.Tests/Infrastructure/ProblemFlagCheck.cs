using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Tests.Infrastructure;

/// <summary>The matters whose stored problem flags differ from what the domain decides on the day they were decided.</summary>
public static class ProblemFlagCheck
{
    public static async Task<List<string>> MismatchesAsync(XinfangApp app)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinfangDb>();
        var problems = scope.ServiceProvider.GetRequiredService<MatterProblems>();
        var checks = await db.Set<ProblemCheck>().AsNoTracking().ToDictionaryAsync(c => c.MatterId, ct);
        var stored = (await db.Set<MatterProblem>().AsNoTracking().ToListAsync(ct)).ToLookup(p => p.MatterId);
        var mismatches = new List<string>();
        foreach (var matter in await MatterWorkflow.Load(db.Matters, tracking: false).ToListAsync(ct))
        {
            if (!checks.TryGetValue(matter.Id, out var check))
            {
                mismatches.Add($"{matter.Number}: never decided");
                continue;
            }

            var decided = (await problems.DecideAsync(matter, check.DecidedOn, ct)).Findings.Select(f => $"{f.Type}: {f.Evidence}").Order();
            var kept = stored[matter.Id].Select(p => $"{p.Type}: {p.Evidence}").Order();
            if (!decided.SequenceEqual(kept))
            {
                mismatches.Add($"{matter.Number}: decided [{string.Join(" | ", decided)}], stored [{string.Join(" | ", kept)}]");
            }
        }

        return mismatches;
    }
}
