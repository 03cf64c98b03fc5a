using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Xinfang.Web.Features.Portal;

/// <summary>The channels, times, places and procedure 《信访工作条例》第十八条 requires the bureau to publish.</summary>
[AllowAnonymous]
public sealed class IndexModel(IConfiguration configuration) : PageModel
{
    public PortalInfo Info { get; } = PortalInfo.From(configuration);

    public void OnGet()
    {
    }
}
