using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Registry;

/// <summary>信访人: every matter and visit of the person who was this petitioner.</summary>
[Authorize(Policy = Policies.Bureau)]
public sealed class PersonModel(PetitionerRegistry registry) : PageModel
{
    public PersonView Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await registry.OfPetitionerAsync(id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        return Page();
    }

    public static string KeyText(PersonKey key) => key switch
    {
        PersonKey.IdNumber => "按身份证号码识别（同一身份证号的全部信访）",
        PersonKey.NameAndPhone => "未登记身份证号，按姓名和联系电话识别",
        PersonKey.NameAndAddress => "未登记身份证号和电话，按姓名和住址识别",
        _ => "身份证号、电话、住址均未登记，只列本次事项",
    };
}
