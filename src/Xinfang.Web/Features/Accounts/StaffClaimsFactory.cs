using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Accounts;

/// <summary>Puts the unit, the display name and the forced-password-change mark into the cookie and bearer token.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Staff.UnitClaim, user.UnitId.ToString()));
        identity.AddClaim(new Claim(Staff.DisplayNameClaim, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(Staff.MustChangePasswordClaim, "true"));
        }

        return identity;
    }
}
