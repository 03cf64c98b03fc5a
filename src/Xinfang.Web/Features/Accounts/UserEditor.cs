using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Accounts;

public sealed record UserInput(string UserName, string DisplayName, Guid UnitId, IReadOnlyList<string> Roles, string? Password = null,
                               bool? MustChangePassword = null, bool IsActive = true);

public sealed record UserView(Guid Id, string UserName, string DisplayName, Guid UnitId, string UnitName, IReadOnlyList<string> Roles,
                              bool IsActive, bool MustChangePassword, bool LockedOut);

/// <summary>Creates and changes staff accounts; used by the admin pages and by /api/v1/users.</summary>
public sealed class UserEditor(XinfangDb db, UserManager<StaffUser> users, TimeProvider time, Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .Join(db.Units, u => u.UnitId, unit => unit.Id, (u, unit) => new { User = u, UnitName = unit.Name })
            .OrderBy(x => x.User.UserName)
            .ToListAsync(cancellationToken);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return rows.Select(x => new UserView(x.User.Id, x.User.UserName!, x.User.DisplayName, x.User.UnitId, x.UnitName,
            rolesByUser[x.User.Id].Order(StringComparer.Ordinal).ToList(), x.User.IsActive, x.User.MustChangePassword,
            x.User.LockoutEnd > now)).ToList();
    }

    public async Task<Result<UserView>> CreateAsync(UserInput input, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(input, requirePassword: true, cancellationToken) is { } error)
        {
            return error;
        }

        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            UnitId = input.UnitId,
            IsActive = input.IsActive,
            // A password someone else typed is known to two people; the owner replaces it at first login.
            MustChangePassword = input.MustChangePassword ?? true,
        };

        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return Rejected(created, "password");
        }

        var added = await users.AddToRolesAsync(user, input.Roles.Distinct());
        if (!added.Succeeded)
        {
            return Rejected(added, "roles");
        }

        await transaction.CommitAsync(cancellationToken);
        return (await ListAsync(cancellationToken)).Single(u => u.Id == user.Id);
    }

    public async Task<Result<UserView>> UpdateAsync(Guid id, UserInput input, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Error.NotFound("user.not-found", "该用户不存在。");
        }

        if (await CheckAsync(input, requirePassword: false, cancellationToken) is { } error)
        {
            return error;
        }

        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        user.DisplayName = input.DisplayName.Trim();
        user.UnitId = input.UnitId;
        user.IsActive = input.IsActive;
        if (!string.IsNullOrEmpty(input.Password))
        {
            await users.RemovePasswordAsync(user);
            var reset = await users.AddPasswordAsync(user, input.Password);
            if (!reset.Succeeded)
            {
                return Rejected(reset, "password");
            }

            user.MustChangePassword = input.MustChangePassword ?? true;
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(input.Roles));
        await users.AddToRolesAsync(user, input.Roles.Distinct().Except(current));
        // A new security stamp ends the user's cookie sessions, so a change of unit or role takes effect at once.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        TokenRevocation.Forget(cache, user.Id);
        return (await ListAsync(cancellationToken)).Single(u => u.Id == user.Id);
    }

    private async Task<Error?> CheckAsync(UserInput input, bool requirePassword, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.UserName))
        {
            return Error.Validation("user.name-required", "请填写用户名。", "userName");
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName) || input.DisplayName.Length > 64)
        {
            return Error.Validation("user.display-name-required", "请填写姓名（不超过 64 个字）。", "displayName");
        }

        if (input.Roles is not { Count: > 0 } || input.Roles.Any(r => !Roles.All.Contains(r)))
        {
            return Error.Validation("user.roles-invalid", $"请至少选择一个角色，角色只能是：{string.Join("、", Roles.All.Select(Roles.ToChinese))}。", "roles");
        }

        if (input.Roles.Distinct().Count(Roles.Separated.Contains) > 1)
        {
            return Error.Validation("user.roles-separated",
                $"{string.Join("、", Roles.Separated.Select(Roles.ToChinese))}须由不同的人担任（三员分立），同一账户只能担任其中一种。", "roles");
        }

        if (requirePassword && string.IsNullOrEmpty(input.Password))
        {
            return Error.Validation("user.password-required", "请为新用户设置初始密码。", "password");
        }

        if (!await db.Units.AnyAsync(u => u.Id == input.UnitId && u.IsActive, cancellationToken))
        {
            return Error.Validation("user.unit-not-found", "所属单位不存在或已停用。", "unitId");
        }

        return null;
    }

    private static Error Rejected(IdentityResult result, string field)
    {
        var messages = result.Errors.Select(e => e.Description).ToArray();
        var code = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)) ? "user.name-taken" : "user.rejected";
        return Error.Validation(code, string.Join(" ", messages), new Dictionary<string, string[]> { [code == "user.name-taken" ? "userName" : field] = messages });
    }
}
