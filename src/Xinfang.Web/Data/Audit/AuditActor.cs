using System.Security.Claims;

namespace Xinfang.Web.Data.Audit;

/// <summary>
/// Who is acting in this scope: the signed-in user; <c>anonymous</c> for a request without one (a failed login, a
/// public page); or the system (background jobs, the command line, seeding).
/// </summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    private string? _override;

    public const string Anonymous = "anonymous";

    public const string System = "system";

    public string Name => _override ?? (http.HttpContext is { } context ? context.User.FindFirstValue(ClaimTypes.Name) ?? Anonymous : System);

    /// <summary>For work done outside a request: the daily sweep, the command line, the seeding at first start.</summary>
    public void ActAs(string name) => _override = name;
}
