using System.Security.Claims;

namespace Xinfang.Web.Data.Audit;

/// <summary>Who is acting in this scope: the signed-in user, or the system (background jobs, the command line).</summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    private string? _override;

    public string Name => _override ?? http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "system";

    /// <summary>For work done outside a request: the daily sweep, the command line, the seeding at first start.</summary>
    public void ActAs(string name) => _override = name;
}
