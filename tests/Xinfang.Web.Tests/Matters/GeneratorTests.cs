using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Audit;
using Xinfang.Web.Features.Generator;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Matters;

/// <summary>The data generator (<c>generate --matters N --seed S</c>): valid by the application's own checks, and reproducible.</summary>
public sealed class GeneratorTests(GeneratedApps generated, SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Generated_matters_pass_audit_verify_and_the_lifecycle_invariants(Db db)
    {
        var (app, report) = await generated.For(db);

        Assert.Null(await app.WithDbAsync(d => AuditChain.VerifyAsync(d)));
        Assert.Equal(GeneratedApps.Matters, await app.WithDbAsync(d => d.Matters.CountAsync(m => m.RegisteringUnitId != Guid.Empty, Ct)));
        // Every stage of the lifecycle is there, and mostly finished matters in the older years.
        foreach (var status in new[] { MatterStatus.Registered, MatterStatus.Transferred, MatterStatus.Accepted, MatterStatus.Concluded, MatterStatus.Closed,
                     MatterStatus.Declined, MatterStatus.Routed })
        {
            Assert.True(report.ByStatus.GetValueOrDefault(status) > 0, $"no {status} matter among {string.Join(", ", report.ByStatus)}");
        }

        Assert.True(report.ByStatus[MatterStatus.Closed] > GeneratedApps.Matters / 2, string.Join(", ", report.ByStatus));
        Assert.Empty(await NextDueCheck.MismatchesAsync(app));
        // A finished matter has no duty clock left running.
        Assert.False(await app.WithDbAsync(d => d.Matters.AnyAsync(m => (m.Status == MatterStatus.Closed || m.Status == MatterStatus.Declined
            || m.Status == MatterStatus.Routed) && m.Deadlines.Any(x => x.State == DeadlineState.Open && x.IsDuty), Ct)));

        // Each generated matter opens as the application shows it, and the numbering goes on after the generated ones.
        var registrar = await app.StaffAsync("610114", "registrar");
        var samples = await app.WithDbAsync(d => d.Matters.GroupBy(m => m.Status).Select(g => g.Min(m => m.Number)).ToListAsync(Ct));
        foreach (var number in samples)
        {
            var id = await app.WithDbAsync(d => d.Matters.Where(m => m.Number == number).Select(m => m.Id).SingleAsync(Ct));
            await Http.EnsureAsync(await registrar.Http.GetAsync($"/api/v1/matters/{id}", Ct));
        }

        var fresh = await RegisterAsync(registrar.Http, Letter(app.Today));
        Assert.DoesNotContain(fresh.GetProperty("number").GetString()!, await app.WithDbAsync(d => d.Matters.Where(m => m.Id != Id(fresh)).Select(m => m.Number).ToListAsync(Ct)));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_matters()
    {
        var app = await apps.For(Db.Sqlite);
        var reference = await app.WithDbAsync(d => app.Services.CreateScope().ServiceProvider.GetRequiredService<ReferenceData>().CurrentAsync(Ct));

        List<string> Run(int seed)
        {
            var journeys = new Journeys(new Random(seed), reference, app.Today, []);
            return Enumerable.Range(0, 200).Select(i => journeys.Build(app.Today.AddDays(-3 * i)))
                .Select(m => $"{m.Number} {m.ReceivedOn} {m.Channel} {m.CategoryCode} {m.Title} {m.Status} {m.NextDueOn} {m.Notices.Count} {m.Events.Count}")
                .ToList();
        }

        Assert.Equal(Run(7), Run(7));
        Assert.NotEqual(Run(7), Run(8));
    }
}
