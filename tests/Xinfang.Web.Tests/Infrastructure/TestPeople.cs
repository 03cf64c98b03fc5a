using System.Globalization;

namespace Xinfang.Web.Tests.Infrastructure;

/// <summary>Made-up petitioners that no other test shares: valid, distinct resident ID numbers and mobile numbers.</summary>
public static class TestPeople
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>An 18-digit number of Yanliang (610114) with a valid ISO 7064 MOD 11-2 check character.</summary>
    public static string IdNumber(bool male = true)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 365 * 50));
        var sequence = Random.Shared.Next(0, 50) * 2 + (male ? 1 : 0); // the third sequence digit gives the sex
        var first17 = "610114" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Random.Shared.Next(10, 99).ToString(CultureInfo.InvariantCulture)
            + (sequence % 10).ToString(CultureInfo.InvariantCulture);
        return first17 + CheckCharacter(first17);
    }

    /// <summary>The same number with a wrong check character.</summary>
    public static string WithWrongCheck(string idNumber) => idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');

    public static string Mobile() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    public static string CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return "10X98765432"[sum % 11].ToString();
    }
}
