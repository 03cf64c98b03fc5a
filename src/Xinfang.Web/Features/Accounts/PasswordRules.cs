using Microsoft.AspNetCore.Identity;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Accounts;

/// <summary>
/// Beyond length and character classes (AccountsSetup): a password may not be a common one with digits added
/// (Password12, Qwerty12345), nor contain the user's own name or the system's ("xinfang") — the first guesses of
/// anyone trying an account (等保 2.0 身份鉴别: 口令复杂度).
/// </summary>
public sealed class PasswordRules : IPasswordValidator<StaffUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(() =>
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Xinfang.Web.Features.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
    });

    private static readonly string[] SystemNames = ["xinfang", "xinfangju", "yanliang"];

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
        Task.FromResult(Check(user.UserName, password) is { } error ? IdentityResult.Failed(error) : IdentityResult.Success);

    public static IdentityError? Check(string? userName, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return null; // the length rule says so
        }

        var lower = password.ToLowerInvariant();
        if (userName is { Length: >= 3 } name && lower.Contains(name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含用户名。" };
        }

        if (SystemNames.Any(n => lower.Contains(n, StringComparison.Ordinal)))
        {
            return new IdentityError { Code = "PasswordContainsSystemName", Description = "密码不能包含系统或单位名称（如 xinfang）。" };
        }

        var stem = lower.Trim("0123456789!@#$%^&*()-_=+.,;:?~`'\"[]{}<>/\\| ".ToCharArray());
        return Common.Value.Contains(lower) || Common.Value.Contains(stem) || stem.Length < 3
            ? new IdentityError { Code = "PasswordTooCommon", Description = "密码过于常见（常用词或键盘序列加数字），容易被猜中，请换一个。" }
            : null;
    }
}
