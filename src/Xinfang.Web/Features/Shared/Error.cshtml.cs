using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Shared;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Detail { get; private set; } = "";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        (_, Title, Detail) = Problems.Default(status ?? StatusCodes.Status500InternalServerError);
        if (status is { } s)
        {
            Response.StatusCode = s;
        }
    }
}
