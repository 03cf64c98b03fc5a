using System.Globalization;
using System.Text;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Intake;

// 公民身份号码, GB 11643-1999: a 6-digit address code (GB/T 2260), the birth date as YYYYMMDD, a 3-digit sequence
// (odd for men, even for women) and an ISO 7064 MOD 11-2 check character. First-generation cards carried 15 digits
// (a two-digit year in the 1900s and no check character); old letters and ledgers still show them.
public static class IdNumber
{
    private const string Field = "idNumber";

    // ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11; the remainder of the weighted sum picks the check.
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private static readonly DateOnly Earliest = new(1900, 1, 1);

    public static Result<IdNumberInfo> Parse(string? input, DateOnly today)
    {
        // NFKC folds full-width digits and "Ｘ" typed with a Chinese input method into ASCII.
        var number = input?.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant() ?? "";
        if (number.Length == 0)
        {
            return Invalid("id-number.required", "请填写身份证号码。");
        }

        if (!HasOnlyDigitsAndFinalX(number))
        {
            return Invalid("id-number.characters", "身份证号码只能由数字组成，18位号码的最后一位可以是X，请核对后重新填写。");
        }

        if (number.Length is not (18 or 15))
        {
            return Invalid("id-number.length", string.Create(CultureInfo.InvariantCulture,
                $"身份证号码应为18位（第一代身份证为15位），填写的是{number.Length}位，请核对后重新填写。"));
        }

        var legacy = number.Length == 15;
        if (legacy && number[^1] == 'X')
        {
            // A 15-digit number has no check character, so every position is a digit.
            return Invalid("id-number.characters", "15位的第一代身份证号码只能由数字组成，请核对后重新填写。");
        }

        if (!IsRegion(number.AsSpan(0, 6), legacy))
        {
            return Invalid("id-number.region", "身份证号码前6位不是有效的行政区划代码（前两位应为省、自治区、直辖市或港澳台居民居住证的代码），请核对号码。");
        }

        var birth = legacy ? "19" + number[6..12] : number[6..14];
        if (!DateOnly.TryParseExact(birth, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate)
            || birthDate < Earliest || birthDate > today)
        {
            var positions = legacy ? "第7至12位" : "第7至14位";
            return Invalid("id-number.birth-date", $"身份证号码{positions}的出生日期无效（须为1900年1月1日至今天之间的真实日期），请核对号码。");
        }

        if (legacy)
        {
            // GB 11643-1999 upgrade: insert the century "19" after the address code and append the check character.
            var first17 = number[..6] + "19" + number[6..];
            number = first17 + CheckCharacter(first17);
        }
        else if (CheckCharacter(number.AsSpan(0, 17)) != number[17])
        {
            // Deliberately does not say what the check character should be: that would help make up numbers.
            return Invalid("id-number.check-digit", "身份证号码校验位不正确，请核对号码。");
        }

        // The sequence's last digit (the 17th of 18) gives the sex: odd male, even female.
        var sex = (number[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        return new IdNumberInfo(number, number[..6], birthDate, sex, legacy);
    }

    private static bool HasOnlyDigitsAndFinalX(string number)
    {
        for (var i = 0; i < number.Length; i++)
        {
            var c = number[i];
            if (!char.IsAsciiDigit(c) && !(c == 'X' && i == number.Length - 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRegion(ReadOnlySpan<char> code, bool legacy)
    {
        var province = ((code[0] - '0') * 10) + (code[1] - '0');
        var prefecture = code.Slice(2, 2);
        var county = code.Slice(4, 2);

        // 《港澳台居民居住证申领发放办法》(2018): residence permits use 810000, 820000 and 830000. They never had
        // 15 digits, since first-generation cards were withdrawn before the permits existed.
        if (province is 81 or 82 or 83)
        {
            return !legacy && prefecture is "00" && county is "00";
        }

        if (province is not ((>= 11 and <= 15) or (>= 21 and <= 23) or (>= 31 and <= 37) or (>= 41 and <= 46)
            or (>= 50 and <= 54) or (>= 61 and <= 65)))
        {
            return false;
        }

        // GB/T 2260 nests counties under prefectures; "00" as the prefecture part means the province itself, which
        // has no county part. City codes such as 610100 are real GB/T 2260 codes and are not refused.
        return !(prefecture is "00" && county is not "00");
    }

    private static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static Error Invalid(string code, string detail) => Error.Validation(code, detail, Field);
}
