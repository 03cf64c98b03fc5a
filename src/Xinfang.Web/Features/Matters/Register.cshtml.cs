using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Categories;
using Xinfang.Web.Features.Organisation;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// 信访登记 at the reception window: the form posts to <see cref="MatterWorkflow.RegisterAsync"/>, the same code as
/// <c>POST /api/v1/matters</c>. Bad input comes back as the domain's field errors next to each field; nothing is stored.
/// </summary>
[Authorize(Policy = Policies.Registrar)]
public sealed class RegisterModel(MatterWorkflow workflow, MatterList list, CategoryEditor categories, UnitEditor units, ReferenceData reference,
                                  RepeatFinder repeats, RepeatLinks links) : PageModel
{
    /// <summary>TempData key of the query code, shown once on the receipt and never stored in clear.</summary>
    public const string QueryCodeKey = "QueryCode";

    [BindProperty]
    public RegistrationForm Form { get; set; } = new();

    public DateOnly Today => workflow.Today;

    /// <summary>The bureau's disposal period in force (第二十二条), which the form tells the registrar.</summary>
    public PeriodRule Dispose { get; private set; } = null!;

    /// <summary>The domain's field errors, keyed as the API names the fields (<c>petitioners[0].idNumber</c>).</summary>
    public Dictionary<string, string[]> Errors { get; } = [];

    public IReadOnlyList<CategoryOption> CategoryOptions { get; private set; } = [];

    public IReadOnlyList<UnitView> Locations { get; private set; } = [];

    public SamePersonPanel SamePerson { get; private set; } = SamePersonPanel.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form = new RegistrationForm { ReceivedOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), IdempotencyKey = NewKey() };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Form.IdempotencyKey = Form.IdempotencyKey is { Length: > 0 and <= IdempotencyStore.MaxKeyLength } key ? key : NewKey();
        if (!ModelState.IsValid)
        {
            // Only selects, radios and checkboxes bind to typed values; a bad value there was not typed by the clerk.
            foreach (var field in ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key))
            {
                Errors[field] = ["所选的值无法识别，请重新选择。"];
            }
        }
        else if (Form.ToInput(Errors) is { } input)
        {
            var registered = await workflow.RegisterAsync(input, Form.IdempotencyKey, cancellationToken);
            if (registered.TryGet(out var view, out var error))
            {
                TempData[QueryCodeKey] = $"{view.Id:N}:{view.QueryCode}";
                // Candidates the clerk dismissed on the form are recorded as dismissed, so they are not suggested again.
                foreach (var dismissed in Form.DismissedRepeats.Where(d => d != input.RepeatOf).Distinct().Take(RepeatFinder.MaxShown * 2))
                {
                    await links.DecideAsync(view.Id, new RepeatLinkInput(dismissed, RepeatDecision.Dismissed, "登记时排除"), cancellationToken);
                }

                return Redirect($"/matters/{view.Id}/receipt");
            }

            if (error.Code == "idempotency.key-reused")
            {
                // The clerk came back to a form that was registered and changed it: a new key lets them register it as
                // a new matter, once they have read this.
                Form.IdempotencyKey = NewKey();
                Errors[""] = ["这份表单已经登记过一次（见登记回执），之后内容又有改动。如确需另行登记一件新的事项，请核对后再次提交。"];
            }
            else
            {
                foreach (var (field, messages) in error.Fields ?? new Dictionary<string, string[]> { [""] = [error.Detail] })
                {
                    Errors[field] = messages;
                }
            }
        }

        if (Form.Petitioners.Count == 0)
        {
            Form.Petitioners.Add(new RegistrationForm.PetitionerForm());
        }

        SamePerson = await SamePersonAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The "来过吗？" panel, refreshed by htmx (debounced) as the petitioners and the matter are typed.</summary>
    public async Task<IActionResult> OnPostSamePersonAsync(CancellationToken cancellationToken) =>
        Partial("_SamePerson", await SamePersonAsync(cancellationToken));

    /// <summary>The active taxonomy for the category search box, as one flat list with the parent's name.</summary>
    public async Task<IActionResult> OnGetCategoriesAsync(CancellationToken cancellationToken) =>
        new JsonResult((await CategoryOption.ListAsync(categories, cancellationToken)).Where(c => c.IsActive)
            .Select(c => new { c.Code, c.Name, c.Label, c.Parent }), Json);

    private static JsonSerializerOptions Json => ApiJson.Options;

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public string Invalid(string field) => Errors.ContainsKey(field) ? " is-invalid" : "";

    public PetitionerRow Row(int index) =>
        new(index.ToString(CultureInfo.InvariantCulture), (index + 1).ToString(CultureInfo.InvariantCulture), Form.Petitioners[index], Errors);

    /// <summary>The row the "add petitioner" button clones; the script replaces __i__ and __n__.</summary>
    public PetitionerRow TemplateRow => new("__i__", "__n__", new RegistrationForm.PetitionerForm(), new Dictionary<string, string[]>());

    public string CategoryLabel => CategoryOptions.FirstOrDefault(c => c.Code == Form.CategoryCode)?.Label ?? Form.CategoryCode ?? "";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CategoryOptions = await CategoryOption.ListAsync(categories, cancellationToken);
        Locations = (await units.ListAsync(cancellationToken)).Where(u => u.IsActive && u.Kind is UnitKind.Street or UnitKind.Town).ToList();
        Dispose = (await reference.CurrentAsync(cancellationToken)).Deadlines.Rule(PeriodRules.Dispose);
    }

    private async Task<SamePersonPanel> SamePersonAsync(CancellationToken cancellationToken)
    {
        var ids = Form.Petitioners.Select(p => p.IdNumber).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        var phones = Form.Petitioners.Select(p => p.Phone).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        var named = Form.Petitioners.Any(p => !string.IsNullOrWhiteSpace(p.Name));
        if (ids.Count == 0 && phones.Count == 0 && !named)
        {
            return SamePersonPanel.Empty;
        }

        var candidates = (await repeats.ForDraftAsync(Draft(), cancellationToken)).Where(c => !Form.DismissedRepeats.Contains(c.MatterId)).ToList();
        var (priors, total) = ids.Count + phones.Count == 0 ? ([], 0) : await list.OfPersonAsync(ids, phones, cancellationToken: cancellationToken);
        var keys = ids.Select(i => IdNumber.Parse(i, Today)).Where(r => r.IsSuccess).Select(r => "身份证 " + Mask.IdNumber(r.Value.Normalized))
            .Concat(phones.Select(p => PhoneNumber.Normalize(p)).Where(r => r.IsSuccess).Select(r => "电话 " + Mask.Phone(r.Value)))
            .Concat(ids.Count + phones.Count == 0 ? ["姓名和住址"] : [])
            .Distinct().ToList();
        var others = priors.Where(p => candidates.All(c => c.MatterId != p.Id)).ToList();
        var chosen = priors.Any(p => p.Id == Form.RepeatOf) || candidates.Any(c => c.MatterId == Form.RepeatOf) ? Form.RepeatOf : null;
        return new SamePersonPanel(keys, others, total, chosen, candidates, repeats.Years);
    }

    /// <summary>The form as typed so far, unchecked: repeat detection needs no valid input.</summary>
    private RegistrationInput Draft() => new(
        Form.Channel, RegistrationForm.ParseDate(Form.ReceivedOn) ?? Today,
        Form.Petitioners.Select(p => new PetitionerInput(p.Name, p.IdNumber, p.Phone, p.Address)).ToList(),
        Form.Purpose, Form.Title, Form.Content, 1, string.IsNullOrWhiteSpace(Form.CategoryCode) ? null : Form.CategoryCode.Trim(),
        (Form.Demands ?? "").Split('\n').Select(d => d.Trim()).Where(d => d.Length > 0).ToList(), Form.LocationUnitId,
        Form.Purpose == Purpose.Accusation ? new AccusedInput(Form.Accused.Name, Form.Accused.Unit, Form.Accused.Position) : null);

    private static string NewKey() => "form-" + Guid.NewGuid().ToString("N");
}

/// <summary>What the panel shows: which identifiers were looked up (masked), and the earlier matters found.</summary>
public sealed record SamePersonPanel(IReadOnlyList<string> Keys, IReadOnlyList<PriorOfPerson> Priors, int Total, Guid? RepeatOf,
                                     IReadOnlyList<RepeatMatch> Candidates, int Years)
{
    public static readonly SamePersonPanel Empty = new([], [], 0, null, [], RepeatDetection.DefaultYears);
}

/// <summary>One petitioner's inputs; <see cref="Index"/> is "__i__" in the template that adds rows.</summary>
public sealed record PetitionerRow(string Index, string Number, RegistrationForm.PetitionerForm Petitioner, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>Next to the field, "第 1 位信访人（张三）的身份证号码有误：" goes without saying; the summary above keeps it.</summary>
    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var messages)
        ? string.Join(" ", messages.Select(m => m.StartsWith("第 ", StringComparison.Ordinal) && m.IndexOf('：', StringComparison.Ordinal) is > 0 and var colon ? m[(colon + 1)..] : m))
        : null;

    public string Invalid(string field) => Errors.ContainsKey(field) ? " is-invalid" : "";
}
