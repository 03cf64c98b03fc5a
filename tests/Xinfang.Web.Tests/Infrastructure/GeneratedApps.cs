using Microsoft.Extensions.DependencyInjection;
using Xinfang.Web.Features.Generator;

namespace Xinfang.Web.Tests.Infrastructure;

/// <summary>
/// One Xinfang per provider holding <see cref="Matters"/> matters written by the data generator (seed 7), made once
/// for the test classes that read volume (the plan test, the generator's own checks). Tests only read from it.
/// </summary>
public sealed class GeneratedApps : IAsyncDisposable
{
    /// <summary>Enough for the planners to choose as they would on a real district's data (issue 11 asks for 10,000+).</summary>
    public const int Matters = 10_000;

    private readonly Dictionary<Db, Task<(XinfangApp App, GeneratorReport Report)>> _apps = [];

    public Task<(XinfangApp App, GeneratorReport Report)> For(Db db)
    {
        lock (_apps)
        {
            if (!_apps.TryGetValue(db, out var app))
            {
                _apps[db] = app = GenerateAsync(db);
            }

            return app;
        }
    }

    private static async Task<(XinfangApp, GeneratorReport)> GenerateAsync(Db db)
    {
        var app = await XinfangApp.StartAsync(db);
        var generator = ActivatorUtilities.CreateInstance<DataGenerator>(app.Services);
        var report = await generator.GenerateAsync(new GeneratorOptions(Matters, Seed: 7, Years: 3, Today: app.Today));
        return (app, report);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await (await app).App.DisposeAsync();
        }
    }
}
