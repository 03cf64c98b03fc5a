using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// 登记回执: what the petitioner takes home. The query code comes from the registration through TempData and is shown
/// this one time; the database holds only its hash, so a reprint shows the number without it.
/// </summary>
[Authorize(Policy = Policies.Bureau)]
public sealed class ReceiptModel(MatterWorkflow workflow, ReferenceData reference) : PageModel
{
    public MatterView Matter { get; private set; } = null!;

    public string? QueryCode { get; private set; }

    public string RegisteringUnit { get; private set; } = "";

    public DeadlineView? Dispose { get; private set; }

    /// <summary>转送 from here (the common next step), back to a blank registration form for the next visitor when done.</summary>
    public QuickTransfer? Transfer { get; private set; }

    /// <summary>The rule in force for this matter (a local rule where one applies), so the printed periods are the ones that run.</summary>
    public PeriodRule Rule(string code) => _deadlines.RuleFor(code, Matter.Qualifiers);

    private DeadlineRules _deadlines = null!;

    /// <summary>The day the registrar registered it, which for a back-dated letter is later than the day it was received.</summary>
    public DateOnly RegisteredOn => Matter.Events.FirstOrDefault(e => e.Action == MatterAction.Register) is { } e ? ChinaTime.DateOf(e.At) : Matter.ReceivedOn;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await workflow.GetAsync(id, cancellationToken)).TryGet(out var matter, out _))
        {
            return NotFound();
        }

        Matter = matter;
        if (TempData[RegisterModel.QueryCodeKey] is string passed && passed.Split(':') is [var forId, var code] && forId == id.ToString("N"))
        {
            QueryCode = code;
        }

        var current = await reference.CurrentAsync(cancellationToken);
        _deadlines = current.Deadlines;
        RegisteringUnit = current.Units.TryGetValue(matter.RegisteringUnitId, out var unit) ? unit.Name : "";
        Dispose = matter.Deadlines.FirstOrDefault(d => d.Code == PeriodRules.Dispose);
        Transfer = QuickTransfer.Of(matter, current.Units, "/matters/new");
        return Page();
    }

    public string PetitionerNames
    {
        get
        {
            var names = Matter.Petitioners.Select(p => p.Name).ToList();
            var shown = string.Join("、", names.Take(3));
            return Matter.Headcount > names.Take(3).Count() ? $"{shown} 等 {Matter.Headcount} 人" : shown;
        }
    }
}
