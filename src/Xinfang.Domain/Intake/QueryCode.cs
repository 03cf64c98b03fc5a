using System.Security.Cryptography;
using System.Text;

namespace Xinfang.Domain.Intake;

// 查询码: lets a petitioner follow their own matter on the public portal, which 《信访工作条例》第二十一条 requires
// ("信访人能够…查询、评价信访事项办理情况"). Only the hash is stored; the code itself is shown once, on the receipt.
public static class QueryCode
{
    // Upper-case letters and digits, without the ones people confuse when reading a printed slip aloud or typing
    // it back: 0/O, 1/I/L, 2/Z, 5/S, 8/B. 25 symbols to the power 10 is about 46 bits, ample for an online guess
    // against a rate-limited portal.
    public const string Alphabet = "34679ACDEFGHJKMNPQRTUVWXY";

    public const int Length = 10;

    // nextInt(n) must return a uniformly random integer in [0, n); pass RandomNumberGenerator.GetInt32.
    public static string Generate(Func<int, int> nextInt)
    {
        ArgumentNullException.ThrowIfNull(nextInt);
        return string.Create(Length, nextInt, static (code, next) =>
        {
            for (var i = 0; i < code.Length; i++)
            {
                var index = next(Alphabet.Length);
                if ((uint)index >= (uint)Alphabet.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(nextInt), index, "The random source returned a value outside [0, n).");
                }

                code[i] = Alphabet[index];
            }
        });
    }

    // Salted with the matter number so that equal codes on two matters do not share a hash. A fast hash over 46 bits
    // keeps codes out of sight in the database and its backups, not out of reach of an offline attack on a stolen copy.
    public static string Hash(string matterNumber, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(matterNumber + ":" + Normalize(code))));

    // Constant-time on the hash, so response timing does not tell a guesser how close a code came.
    public static bool Matches(string matterNumber, string code, string hash)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(hash))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Hash(matterNumber, code));
        var stored = Encoding.ASCII.GetBytes(hash.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, stored);
    }

    // A person may type the code in lower case, in groups with spaces or hyphens, or with full-width characters.
    private static string Normalize(string code)
    {
        var builder = new StringBuilder(code.Length);
        foreach (var c in code.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }
}
