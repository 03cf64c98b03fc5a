using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Deadlines;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Calendar;

/// <summary>
/// 期限规则: the statutory periods and the local rules that shorten them, with every version ever in force. An
/// administrator changes days or adds a local rule; the change applies to clocks started afterwards only.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PeriodsModel(PeriodRuleEditor editor, Staff staff) : PageModel
{
    /// <summary>The qualifiers a local rule may name: the registration flags and the superior channel (Matter.Qualifiers).</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Qualifiers =
    [
        ("urgent", "紧急"), ("superior", "上级交办"), ("collective", "集体访"), ("over-level", "越级访"),
        ("threat", "扬言极端"), ("law-related", "涉法涉诉"), ("first-time", "初次信访"),
    ];

    public sealed class InputModel
    {
        public string Code { get; set; } = "";

        public string Name { get; set; } = "";

        public string Days { get; set; } = "";

        public PeriodKind Kind { get; set; } = PeriodKind.Calendar;

        public bool RollForward { get; set; } = true;

        public string Article { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The code of the rule being edited; empty when adding a local rule.</summary>
    [BindProperty]
    public string? Editing { get; set; }

    public IReadOnlyList<PeriodRuleView> Rules { get; private set; } = [];

    public IReadOnlyList<PeriodRuleChange> History { get; private set; } = [];

    public string? Problem { get; private set; }

    public bool IsAdmin => staff.IsAdmin;

    public async Task OnGetAsync(string? edit)
    {
        await LoadAsync();
        if (Rules.FirstOrDefault(r => r.Code == edit) is { } rule)
        {
            Editing = rule.Code;
            Input = new InputModel
            {
                Code = rule.Code,
                Name = rule.Name,
                Days = rule.Days.ToString(CultureInfo.InvariantCulture),
                Kind = rule.Kind,
                RollForward = rule.RollForward,
                Article = rule.Article,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!staff.IsAdmin)
        {
            return Forbid();
        }

        await LoadAsync();
        var code = (string.IsNullOrEmpty(Editing) ? Input.Code : Editing).Trim();
        if (string.IsNullOrEmpty(Editing) && Rules.Any(r => r.Code == code))
        {
            Problem = $"规则“{code}”已存在，请在列表中点“修改”。";
            return Page();
        }

        if (!int.TryParse(Input.Days?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days))
        {
            Problem = $"天数“{Input.Days}”不是整数。";
            return Page();
        }

        var saved = await editor.SaveAsync(new PeriodRule(code, Input.Name ?? "", days, Input.Kind, Input.RollForward, Input.Article ?? ""), HttpContext.RequestAborted);
        if (!saved.TryGet(out var rule, out var error))
        {
            Problem = error.Detail;
            return Page();
        }

        TempData["Flash"] = $"已保存期限规则 {rule.Code}“{rule.Name}”（第 {rule.Version} 版）。此后开始计算的期限按新规则，已开始的期限不变。";
        return Redirect("/admin/periods");
    }

    public static string KindLabel(PeriodKind kind) => kind == PeriodKind.Calendar ? "自然日" : "工作日";

    public static string RollLabel(PeriodKind kind, bool rollForward) => kind == PeriodKind.Working ? "—" : rollForward ? "顺延" : "不顺延";

    public static string Time(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Domain.Shared.ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task LoadAsync()
    {
        Rules = await editor.ListAsync(HttpContext.RequestAborted);
        History = await editor.HistoryAsync(cancellationToken: HttpContext.RequestAborted);
    }
}
