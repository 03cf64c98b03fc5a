using Microsoft.AspNetCore.Identity;

namespace Xinfang.Web.Data;

/// <summary>A member of staff. Every account belongs to one unit, which scopes what a handler or unit head sees.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public Guid UnitId { get; set; }

    /// <summary>Set for the seeded administrator's one-time password and for passwords an administrator typed.</summary>
    public bool MustChangePassword { get; set; }

    public bool IsActive { get; set; } = true;
}
