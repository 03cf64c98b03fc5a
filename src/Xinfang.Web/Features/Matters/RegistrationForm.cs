using System.Globalization;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// The registration form as the browser posts it. Its shape mirrors <see cref="RegistrationInput"/> so that the domain's
/// field keys (<c>petitioners[0].idNumber</c>) name the inputs; dates and numbers arrive as text and are parsed here,
/// so a typing slip gets a Chinese message instead of a binding error.
/// </summary>
public sealed class RegistrationForm
{
    public Channel Channel { get; set; } = Channel.Visit;

    public string? ReceivedOn { get; set; }

    public SuperiorForm Superior { get; set; } = new();

    public List<PetitionerForm> Petitioners { get; set; } = [new()];

    public string? Headcount { get; set; } = "1";

    public Purpose Purpose { get; set; } = Purpose.Claim;

    public AccusedForm Accused { get; set; } = new();

    public string? CategoryCode { get; set; }

    public Guid? LocationUnitId { get; set; }

    public string? Title { get; set; }

    public string? Content { get; set; }

    /// <summary>One demand per line.</summary>
    public string? Demands { get; set; }

    public List<MatterFlag> Flags { get; set; } = [];

    public Guid? RepeatOf { get; set; }

    /// <summary>Suggested repeats the clerk dismissed on the form: recorded as dismissed once the matter is registered.</summary>
    public List<Guid> DismissedRepeats { get; set; } = [];

    /// <summary>Generated when the form is rendered, so that a double submit registers once.</summary>
    public string? IdempotencyKey { get; set; }

    public sealed class PetitionerForm
    {
        public string? Name { get; set; }

        public string? IdNumber { get; set; }

        public string? Phone { get; set; }

        public string? Address { get; set; }

        public bool IsRepresentative { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(IdNumber) && string.IsNullOrWhiteSpace(Phone)
            && string.IsNullOrWhiteSpace(Address) && !IsRepresentative;
    }

    public sealed class AccusedForm
    {
        public string? Name { get; set; }

        public string? Unit { get; set; }

        public string? Position { get; set; }
    }

    public sealed class SuperiorForm
    {
        public string? Number { get; set; }

        public string? DueOn { get; set; }
    }

    /// <summary>
    /// Rows the clerk added and left empty are dropped (and disappear from the re-rendered form, so the domain's row
    /// numbers match what the clerk sees). Accused and superior fields count only for accusations and superior matters.
    /// </summary>
    public RegistrationInput? ToInput(Dictionary<string, string[]> errors)
    {
        Petitioners = Petitioners.Where(p => !p.IsBlank).ToList();
        var receivedOn = ParseDate(ReceivedOn);
        if (receivedOn is null)
        {
            errors["receivedOn"] = ["收到日期请按“年-月-日”填写，如 2026-03-02。"];
        }

        var headcount = string.IsNullOrWhiteSpace(Headcount) ? Math.Max(1, Petitioners.Count) : ParseInt(Headcount);
        if (headcount is null)
        {
            errors["headcount"] = ["人数请填写阿拉伯数字。"];
        }

        SuperiorAssignment? superior = null;
        if (Channel == Channel.Superior)
        {
            DateOnly? due = null;
            if (!string.IsNullOrWhiteSpace(Superior.DueOn) && (due = ParseDate(Superior.DueOn)) is null)
            {
                errors["superior.dueOn"] = ["要求办结日期请按“年-月-日”填写。"];
            }

            superior = new SuperiorAssignment(Superior.Number ?? "", due);
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var accused = Purpose == Purpose.Accusation && !(string.IsNullOrWhiteSpace(Accused.Name) && string.IsNullOrWhiteSpace(Accused.Unit)
                                                           && string.IsNullOrWhiteSpace(Accused.Position))
            ? new AccusedInput(Accused.Name, Accused.Unit, Accused.Position)
            : null;
        return new RegistrationInput(
            Channel, receivedOn!.Value,
            Petitioners.Select(p => new PetitionerInput(p.Name, p.IdNumber, p.Phone, p.Address, p.IsRepresentative)).ToList(),
            Purpose, Title, Content, headcount!.Value,
            string.IsNullOrWhiteSpace(CategoryCode) ? null : CategoryCode.Trim(),
            (Demands ?? "").Split('\n').Select(d => d.Trim()).Where(d => d.Length > 0).ToList(),
            LocationUnitId, accused, Flags, superior, RepeatOf);
    }

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyyMMdd", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"];

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static int? ParseInt(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
