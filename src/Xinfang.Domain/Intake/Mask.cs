using System.Globalization;

namespace Xinfang.Domain.Intake;

// What lists and transfer packages show of a petitioner. Identity is not exposed to the complained-about unit beyond
// need (《信访工作条例》第十八条第四款, and for accusations 第三十条第三款), so lists shown to units use these.
// Never throws: a missing or malformed value masks to something harmless rather than breaking a page.
public static class Mask
{
    // Common two-character surnames (复姓) from the 百家姓; the whole surname stays visible, as a clerk would write it.
    private static readonly string[] CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "司空",
        "夏侯", "令狐", "端木", "轩辕", "呼延", "南宫", "西门", "独孤", "澹台", "淳于", "单于", "申屠", "钟离",
        "闻人", "万俟", "赫连", "拓跋", "百里", "东郭", "左丘", "公羊", "太史",
    ];

    // 610114********1234: the region and the last four, as on bank and government receipts.
    public static string IdNumber(string? idNumber)
    {
        var value = idNumber?.Trim() ?? "";
        return value.Length > 10 ? value[..6] + new string('*', value.Length - 10) + value[^4..] : Stars(value.Length);
    }

    // 138****5678 for a mobile; 029-****1234 for a landline (the extension is dropped).
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "";
        }

        var normalized = PhoneNumber.Normalize(phone);
        if (!normalized.IsSuccess)
        {
            var raw = phone.Trim();
            return raw.Length > 4 ? Stars(raw.Length - 4) + raw[^4..] : Stars(raw.Length);
        }

        var value = normalized.Value;
        if (!value.Contains('-', StringComparison.Ordinal))
        {
            return value[..3] + "****" + value[^4..];
        }

        var parts = value.Split('-');
        var local = parts[1];
        return parts[0] + "-" + Stars(local.Length - 4) + local[^4..];
    }

    // 张* / 张** / 欧阳**: the surname stays, every other character becomes a star. Works on text elements so that a
    // rare character outside the BMP (生僻字 in CJK Extension B) counts as one character.
    public static string Name(string? name)
    {
        var value = new StringInfo(name?.Trim() ?? "");
        var length = value.LengthInTextElements;
        if (length <= 1)
        {
            return value.String;
        }

        var surname = length >= 3 && CompoundSurnames.Any(s => value.String.StartsWith(s, StringComparison.Ordinal))
            ? 2
            : 1;
        return value.SubstringByTextElements(0, surname) + Stars(length - surname);
    }

    private static string Stars(int count) => new('*', count);
}
