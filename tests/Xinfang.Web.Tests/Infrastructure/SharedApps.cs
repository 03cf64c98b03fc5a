namespace Xinfang.Web.Tests.Infrastructure;

/// <summary>
/// One running Xinfang per provider for the whole test run: tests that only add their own data share it. Tests that
/// change global state (the clock, the calendar, the audit table) start their own with <see cref="XinfangApp.StartAsync"/>.
/// </summary>
public sealed class SharedApps : IAsyncDisposable
{
    private readonly Dictionary<Db, Task<XinfangApp>> _apps = [];

    public Task<XinfangApp> For(Db db)
    {
        lock (_apps)
        {
            if (!_apps.TryGetValue(db, out var app))
            {
                _apps[db] = app = XinfangApp.StartAsync(db);
            }

            return app;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            if (app.IsCompletedSuccessfully)
            {
                await (await app).DisposeAsync();
            }
        }
    }
}
