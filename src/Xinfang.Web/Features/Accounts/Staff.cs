using System.Security.Claims;
using Xinfang.Domain.Matters;

namespace Xinfang.Web.Features.Accounts;

/// <summary>The signed-in member of staff as the application sees them: who, which unit, which roles.</summary>
public sealed record Staff(Guid UserId, string UserName, string DisplayName, Guid UnitId, IReadOnlySet<string> Roles)
{
    public const string UnitClaim = "xinfang:unit";
    public const string DisplayNameClaim = "xinfang:display-name";
    public const string MustChangePasswordClaim = "xinfang:must-change-password";

    public static readonly Staff System = new(Guid.Empty, "system", "系统", Guid.Empty, new HashSet<string>());

    /// <summary>The same person as the domain's decisions know them (the mapping is in <see cref="Accounts.Roles.InDomain"/>).</summary>
    public Actor Actor { get; } = new(UserName, UnitId, Roles.Select(Accounts.Roles.InDomain).OfType<StaffRole>().ToHashSet());

    /// <summary>Bureau staff (登记员、督查员、局领导) see every matter (the bureau drives the procedure, 第十四条).</summary>
    public bool IsBureau => Actor.IsBureau;

    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);

    public bool Has(string role) => Roles.Contains(role);

    public static Staff? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            || !Guid.TryParse(principal.FindFirstValue(UnitClaim), out var unit))
        {
            return null;
        }

        var name = principal.FindFirstValue(ClaimTypes.Name) ?? "";
        return new Staff(id, name, principal.FindFirstValue(DisplayNameClaim) ?? name, unit,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());
    }
}
