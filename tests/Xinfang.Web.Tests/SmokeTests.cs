using Microsoft.AspNetCore.Mvc.Testing;

namespace Xinfang.Web.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Health_answers()
    {
        await using var factory = new WebApplicationFactory<Program>();
        var response = await factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
