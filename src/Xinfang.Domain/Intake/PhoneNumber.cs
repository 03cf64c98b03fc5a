using System.Text;
using System.Text.RegularExpressions;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Intake;

// Contact numbers as people write them on letters and forms. The normal form is what gets stored and compared:
// a mobile as 11 digits (13812345678), a landline as area code, local number and optional extension joined by
// hyphens (029-86861234, 0917-3212345-8001).
public static partial class PhoneNumber
{
    private const string Field = "phone";

    public static Result<string> Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Error.Validation("phone.required", "请填写联系电话。", Field);
        }

        // NFKC folds full-width digits, "＋", "－" and "（）" typed with a Chinese input method into ASCII.
        var compact = Compact(input.Normalize(NormalizationForm.FormKC));
        var national = WithoutCountryCode(compact, out var hadCountryCode);

        var digits = national.Replace("-", "", StringComparison.Ordinal);
        if (Mobile().IsMatch(digits))
        {
            return digits;
        }

        // In international form the trunk prefix 0 is dropped (+86 29 8686 1234).
        if (hadCountryCode && !national.StartsWith('0'))
        {
            national = "0" + national;
        }

        var landline = Landline().Match(national);
        if (!landline.Success)
        {
            return Error.Validation("phone.invalid",
                "联系电话格式不正确：手机号码为以1开头的11位数字，固定电话须带区号（如029-86861234，分机号用“-”或“转”隔开），请核对后重新填写。",
                Field);
        }

        var number = landline.Groups["area"].Value + "-" + landline.Groups["local"].Value;
        var extension = landline.Groups["ext"];
        return extension.Success ? number + "-" + extension.Value : number;
    }

    private static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c is not ('(' or ')'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // No valid national number starts with 86 or 0086 (mobiles start with 1, area codes with 01–09 but never 008),
    // so removing a leading country code cannot change a number's meaning.
    private static string WithoutCountryCode(string compact, out bool hadCountryCode)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["+86", "0086", "86"])
        {
            if (compact.StartsWith(prefix, StringComparison.Ordinal))
            {
                hadCountryCode = true;
                return compact[prefix.Length..].TrimStart('-');
            }
        }

        hadCountryCode = false;
        return compact;
    }

    // Mainland mobile numbers: 1, then 3–9, then nine digits (MIIT numbering plan).
    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    // Area codes 010 and 02x have three digits and 8-digit local numbers; all others have four digits and 7- or
    // 8-digit local numbers. Local numbers never start with 0 or 1. An extension needs a separator, otherwise it
    // could not be told apart from the local number.
    [GeneratedRegex(@"^(?:(?<area>010|02[0-9])-?(?<local>[2-9][0-9]{7})|(?<area>0[3-9][0-9]{2})-?(?<local>[2-9][0-9]{6,7}))(?:(?:-|转|#|ext\.?|x)(?<ext>[0-9]{1,6}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Landline();
}
