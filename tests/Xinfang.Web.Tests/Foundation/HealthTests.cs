using System.Net;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Foundation;

public sealed class HealthTests(SharedApps apps)
{
    [Theory, DatabaseData]
    public async Task Health_answers_with_the_database_reachable(Db db)
    {
        var app = await apps.For(db);

        var response = await app.Anonymous().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory, DatabaseData]
    public async Task The_app_runs_on_the_provider_the_test_asked_for(Db db)
    {
        var app = await apps.For(db);

        var provider = await app.WithDbAsync(d => Task.FromResult(d.Database.ProviderName));

        Assert.Contains(db == Db.Sqlite ? "Sqlite" : "Npgsql", provider);
    }
}
