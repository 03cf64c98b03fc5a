using Microsoft.AspNetCore.Identity;

namespace Xinfang.Web.Features.Accounts;

/// <summary>Identity's messages in Chinese, because staff read them on the password and user pages.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => New(nameof(DefaultError), "操作失败，请重试。");
    public override IdentityError ConcurrencyFailure() => New(nameof(ConcurrencyFailure), "该账户已被他人修改，请刷新后重试。");
    public override IdentityError PasswordMismatch() => New(nameof(PasswordMismatch), "原密码不正确。");
    public override IdentityError InvalidToken() => New(nameof(InvalidToken), "令牌无效或已过期。");
    public override IdentityError DuplicateUserName(string userName) => New(nameof(DuplicateUserName), $"用户名 {userName} 已被使用。");
    public override IdentityError InvalidUserName(string? userName) => New(nameof(InvalidUserName), $"用户名 {userName} 无效：只能包含字母、数字和 . _ - @。");
    public override IdentityError DuplicateEmail(string email) => New(nameof(DuplicateEmail), $"邮箱 {email} 已被使用。");
    public override IdentityError InvalidEmail(string? email) => New(nameof(InvalidEmail), $"邮箱 {email} 格式不正确。");
    public override IdentityError DuplicateRoleName(string role) => New(nameof(DuplicateRoleName), $"角色 {role} 已存在。");
    public override IdentityError UserAlreadyInRole(string role) => New(nameof(UserAlreadyInRole), $"用户已有角色 {role}。");
    public override IdentityError UserNotInRole(string role) => New(nameof(UserNotInRole), $"用户没有角色 {role}。");
    public override IdentityError PasswordTooShort(int length) => New(nameof(PasswordTooShort), $"密码至少需要 {length} 位。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => New(nameof(PasswordRequiresUniqueChars), $"密码至少需要 {uniqueChars} 个不同的字符。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => New(nameof(PasswordRequiresNonAlphanumeric), "密码须包含至少一个符号。");
    public override IdentityError PasswordRequiresDigit() => New(nameof(PasswordRequiresDigit), "密码须包含至少一个数字。");
    public override IdentityError PasswordRequiresLower() => New(nameof(PasswordRequiresLower), "密码须包含至少一个小写字母。");
    public override IdentityError PasswordRequiresUpper() => New(nameof(PasswordRequiresUpper), "密码须包含至少一个大写字母。");

    private static IdentityError New(string code, string description) => new() { Code = code, Description = description };
}
