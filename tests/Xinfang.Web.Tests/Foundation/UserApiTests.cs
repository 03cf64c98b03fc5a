using System.Net;
using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Foundation;

/// <summary>Accounts the administrator cannot create: a problem in Chinese with a stable code, and no account.</summary>
public sealed class UserApiTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task A_user_with_an_unknown_role_is_refused_and_not_created(Db db)
    {
        var (admin, user) = await NewUserAsync(db);

        var response = await admin.PostAsJsonAsync("/api/v1/users", user with { Roles = ["handler", "emperor"] }, Ct);

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "user.roles-invalid");
        Assert.Contains("roles", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.False(await ExistsAsync(admin, user.UserName));
    }

    [Theory, DatabaseData]
    public async Task A_user_without_a_password_is_refused_and_not_created(Db db)
    {
        var (admin, user) = await NewUserAsync(db);

        var response = await admin.PostAsJsonAsync("/api/v1/users", user with { Password = null }, Ct);

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "user.password-required");
        Assert.Equal("请为新用户设置初始密码。", problem.GetProperty("detail").GetString());
        Assert.False(await ExistsAsync(admin, user.UserName));
    }

    [Theory, DatabaseData]
    public async Task A_user_with_a_weak_password_is_told_why_in_Chinese_and_not_created(Db db)
    {
        var (admin, user) = await NewUserAsync(db);

        var response = await admin.PostAsJsonAsync("/api/v1/users", user with { Password = "abc" }, Ct);

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "user.rejected");
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("密码至少需要 10 位", detail);
        Assert.Contains("大写字母", detail);
        Assert.Contains("数字", detail);
        Assert.Contains("password", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.False(await ExistsAsync(admin, user.UserName));
    }

    [Theory, DatabaseData]
    public async Task A_user_name_already_in_use_is_refused(Db db)
    {
        var (admin, user) = await NewUserAsync(db);
        await Http.EnsureAsync(await admin.PostAsJsonAsync("/api/v1/users", user, Ct));

        var response = await admin.PostAsJsonAsync("/api/v1/users", user with { UserName = user.UserName.ToUpperInvariant(), DisplayName = "另一人" }, Ct);

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "user.name-taken");
        Assert.Contains("userName", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var users = await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/users", Ct);
        var same = Assert.Single(users!, u => string.Equals(u.GetProperty("userName").GetString(), user.UserName, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("测试用户", same.GetProperty("displayName").GetString());
    }

    [Theory, DatabaseData]
    public async Task A_user_of_a_unit_that_does_not_exist_is_refused_and_not_created(Db db)
    {
        var (admin, user) = await NewUserAsync(db);

        var response = await admin.PostAsJsonAsync("/api/v1/users", user with { UnitId = Guid.NewGuid() }, Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "user.unit-not-found");
        Assert.False(await ExistsAsync(admin, user.UserName));
    }

    private sealed record NewUser(string UserName, string DisplayName, Guid UnitId, string[] Roles, string? Password);

    private async Task<(HttpClient Admin, NewUser User)> NewUserAsync(Db db)
    {
        var app = await apps.For(db);
        var user = new NewUser("user-" + Guid.NewGuid().ToString("N")[..8], "测试用户", await app.UnitIdAsync("610114001"), ["handler"], "Initial-Pass-1");
        return (await app.AdminAsync(), user);
    }

    private static async Task<bool> ExistsAsync(HttpClient admin, string userName)
    {
        var users = await admin.GetFromJsonAsync<List<JsonElement>>("/api/v1/users", Ct);
        return users!.Any(u => string.Equals(u.GetProperty("userName").GetString(), userName, StringComparison.OrdinalIgnoreCase));
    }
}
