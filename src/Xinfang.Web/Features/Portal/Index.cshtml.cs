using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Portal;

/// <summary>The channels, times, places and procedure 《信访工作条例》第十八条 requires the bureau to publish.</summary>
[AllowAnonymous]
public sealed class IndexModel(IConfiguration configuration, ReferenceData reference) : PageModel
{
    public PortalInfo Info { get; } = PortalInfo.From(configuration);

    /// <summary>The period in force, so that the published procedure says what the clocks run (an edited rule included).</summary>
    public PeriodRule Rule(string code) => _rules.Rule(code);

    private DeadlineRules _rules = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => _rules = (await reference.CurrentAsync(cancellationToken)).Deadlines;
}
