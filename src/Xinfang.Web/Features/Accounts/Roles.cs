using Xinfang.Domain.Matters;

namespace Xinfang.Web.Features.Accounts;

/// <summary>
/// The staff roles of API.md as ASP.NET Core Identity stores them (kebab-case names, also in tokens and cookies), and
/// the one place where they meet the domain: <see cref="InDomain"/> maps each to the domain's <see cref="StaffRole"/>,
/// from which a <see cref="Staff"/> becomes the domain's <see cref="Actor"/>, and the decisions work out the
/// <see cref="Party"/> (registrar, the unit's handler or head, the review body, …) the actor is for a given matter.
/// Roles that only manage or watch the system (the security administrator, the auditor) have no domain role.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Registrar = "registrar";
    public const string Supervisor = "supervisor";
    public const string Handler = "handler";
    public const string UnitHead = "unit-head";
    public const string Leader = "leader";
    public const string Director = "director";

    /// <summary>安全管理员: watches sign-ins and account changes (等保 三员分立).</summary>
    public const string SecurityAdmin = "security-admin";

    /// <summary>安全审计员: reads the whole audit trail, the administrators' actions included (等保 三员分立).</summary>
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [Admin, Registrar, Supervisor, Handler, UnitHead, Leader, Director, SecurityAdmin, Auditor];

    /// <summary>
    /// 三员分立 (GB/T 22239-2019, level 3): the system administrator, the security administrator and the auditor are
    /// three different people, so that none of them can act and also hide or judge their own actions.
    /// </summary>
    public static readonly IReadOnlyList<string> Separated = [Admin, SecurityAdmin, Auditor];

    public static string ToChinese(string role) => role switch
    {
        Admin => "系统管理员",
        Registrar => "登记员",
        Supervisor => "督查员",
        Handler => "承办人",
        UnitHead => "单位负责人",
        Leader => "包案领导",
        Director => "局领导",
        SecurityAdmin => "安全管理员",
        Auditor => "安全审计员",
        _ => role,
    };

    /// <summary>The bureau's roles, as the domain defines them (<see cref="StaffRoles.IsBureau"/>).</summary>
    public static readonly IReadOnlyList<string> Bureau = All.Where(r => InDomain(r)?.IsBureau() == true).ToList();

    public static StaffRole? InDomain(string role) => role switch
    {
        Admin => StaffRole.Admin,
        Registrar => StaffRole.Registrar,
        Supervisor => StaffRole.Supervisor,
        Handler => StaffRole.Handler,
        UnitHead => StaffRole.UnitHead,
        Leader => StaffRole.Leader,
        Director => StaffRole.Director,
        _ => null,
    };
}
