namespace Xinfang.Domain.Tests.Intake;

// Builds made-up identity numbers for tests. The check character is computed from the ISO 7064 MOD 11-2 definition
// (weight 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11, 10 written X) rather than from the production table,
// so that a wrong table in IdNumber would not be mirrored here.
internal static class TestIdNumbers
{
    public static string WithCheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = (int)(Math.Pow(2, 17 - i) % 11);
            sum += (first17[i] - '0') * weight;
        }

        var check = (12 - (sum % 11)) % 11;
        return first17 + (check == 10 ? "X" : check.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
