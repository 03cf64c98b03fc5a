using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Features.Audit;

/// <summary>
/// The trail's actions and record types in the words an auditor reads. The trail itself keeps the code names (they
/// are hashed into the chain and must never change); a test checks that every table the model maps has a label here.
/// </summary>
public static class AuditLabels
{
    /// <summary>Sign-ins and sign-outs: what the security administrator watches besides accounts and roles.</summary>
    public static readonly IReadOnlyList<string> SecurityActions = ["login", "login-failed", "login-throttled", "logout"];

    public static readonly IReadOnlyList<string> SecurityEntities = ["StaffUser", "IdentityUserRole`1", "IdentityRole`1", "IdentityUserClaim`1",
        "IdentityUserLogin`1", "IdentityUserToken`1", "IdentityRoleClaim`1"];

    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["insert"] = "新增",
        ["update"] = "修改",
        ["delete"] = "删除",
        ["view"] = "查看",
        ["login"] = "登录",
        ["login-failed"] = "登录失败",
        ["login-throttled"] = "登录受限",
        ["logout"] = "退出登录",
        ["audit-export"] = "导出审计记录",
        ["audit-verify"] = "校验审计链",
    };

    private static readonly Dictionary<string, string> Entities = new(StringComparer.Ordinal)
    {
        ["Matter"] = "信访事项",
        ["MatterEvent"] = "办理记录",
        ["Petitioner"] = "信访人",
        ["Deadline"] = "期限",
        ["Notice"] = "告知书",
        ["NoticeDocument"] = "文书文件",
        ["NoticeTemplateRecord"] = "文书模板",
        ["Attachment"] = "附件",
        ["Counter"] = "编号计数器",
        ["LeaderPackage"] = "领导包案",
        ["IdempotencyRecord"] = "重复提交记录",
        ["Unit"] = "单位",
        ["StaffUser"] = "用户",
        ["IdentityRole`1"] = "角色",
        ["IdentityUserRole`1"] = "用户角色",
        ["IdentityUserClaim`1"] = "用户声明",
        ["IdentityUserLogin`1"] = "外部登录",
        ["IdentityUserToken`1"] = "用户令牌",
        ["IdentityRoleClaim`1"] = "角色声明",
        ["DataProtectionKey"] = "数据保护密钥",
        ["CalendarYearRecord"] = "工作日历年度",
        ["CalendarDayRecord"] = "工作日历日期",
        ["PeriodRuleRecord"] = "期限规则",
        ["PeriodRuleHistory"] = "期限规则历史",
        ["CategoryRecord"] = "内容分类",
        ["RoutingRule"] = "分流规则",
        ["LedgerItem"] = "矛盾纠纷台账事项",
        ["LedgerItemMatter"] = "台账关联事项",
        ["LedgerRound"] = "排查周期",
        ["LedgerRoundReport"] = "排查报告",
        ["LedgerTopic"] = "台账类别",
        ["OrderIncident"] = "接待秩序记录",
        ["PreventionActivity"] = "培训与宣传",
        ["AuditEntry"] = "审计记录",
        ["MatterTerm"] = "检索索引",
        ["ReturnVisit"] = "回访任务",
        ["SupervisionLetterRecord"] = "督办函件登记",
        ["PhoneReminder"] = "电话催办",
        ["Suggestion"] = "三项建议",
        ["MatterProblem"] = "督查问题类型",
        ["ProblemCheck"] = "督查问题复核日",
        ["RepeatLink"] = "重复信访关联",
    };

    public static IReadOnlyCollection<string> KnownEntities => Entities.Keys;

    public static IEnumerable<KeyValuePair<string, string>> ActionChoices => Actions;

    public static IEnumerable<KeyValuePair<string, string>> EntityChoices => Entities;

    /// <summary>Staff appear by user name; the two actors that are not people get words.</summary>
    public static string Actor(string name) => name switch
    {
        AuditActor.System => "系统",
        AuditActor.Anonymous => "匿名访问",
        _ => name,
    };

    public static string Action(string code) => Actions.GetValueOrDefault(code, code);

    public static string Entity(string code) => Entities.GetValueOrDefault(code, code);
}
