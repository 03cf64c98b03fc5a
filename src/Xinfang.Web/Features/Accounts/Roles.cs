namespace Xinfang.Web.Features.Accounts;

/// <summary>The staff roles of API.md and who they are at the bureau.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Registrar = "registrar";
    public const string Supervisor = "supervisor";
    public const string Handler = "handler";
    public const string UnitHead = "unit-head";
    public const string Leader = "leader";
    public const string Director = "director";

    public static readonly IReadOnlyList<string> All = [Admin, Registrar, Supervisor, Handler, UnitHead, Leader, Director];

    /// <summary>Bureau staff see every matter; handlers and unit heads only their unit's (see <see cref="Staff.IsBureau"/>).</summary>
    public static readonly IReadOnlyList<string> Bureau = [Registrar, Supervisor, Director];

    public static string ToChinese(string role) => role switch
    {
        Admin => "系统管理员",
        Registrar => "登记员",
        Supervisor => "督查员",
        Handler => "承办人",
        UnitHead => "单位负责人",
        Leader => "包案领导",
        Director => "局领导",
        _ => role,
    };
}
