using System.Security.Cryptography;
using System.Text;

namespace Xinfang.Web.Infrastructure;

/// <summary>
/// A keyed hash (HMAC-SHA256) of a normalised ID number or phone, stored beside the petitioner so that an exact
/// search finds a person through an index rather than by reading every identifier. Without the key the hash cannot
/// be computed for a guessed number (an ID number has few enough candidates that a plain hash would be reversed in
/// minutes), so the key never goes into the database: it comes from <c>Identifiers:HashKey</c> (base64, at least 32
/// bytes; several servers share one database and must share it) or from the file <c>Identifiers:HashKeyFile</c>
/// (default <c>data/identifier-hash.key</c>), created with mode 0600 on first start. Changing the key makes every
/// stored hash useless until they are computed again (SECURITY.md).
/// </summary>
public sealed class IdentifierHash
{
    public const int KeyBytes = 32;
    public const string DefaultKeyFile = "data/identifier-hash.key";

    private readonly byte[] _key;

    public IdentifierHash(byte[] key)
    {
        if (key.Length < KeyBytes)
        {
            throw new InvalidOperationException($"Identifiers:HashKey must be at least {KeyBytes} bytes.");
        }

        _key = key;
    }

    /// <summary>Hex of the HMAC, or null for no value. Kinds are kept apart so that a phone never meets an ID number.</summary>
    public string? Of(IdentifierKind kind, string? normalized) =>
        string.IsNullOrEmpty(normalized) ? null
            : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes((kind == IdentifierKind.IdNumber ? "id:" : "phone:") + normalized)));

    public static IdentifierHash FromConfiguration(IConfiguration configuration)
    {
        if (configuration["Identifiers:HashKey"] is { Length: > 0 } configured)
        {
            return new IdentifierHash(Convert.FromBase64String(configured));
        }

        var path = Path.GetFullPath(configuration["Identifiers:HashKeyFile"] is { Length: > 0 } file ? file : DefaultKeyFile);
        return new IdentifierHash(ReadOrCreate(path));
    }

    private static byte[] ReadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var key = RandomNumberGenerator.GetBytes(KeyBytes);
            try
            {
                // Created with 0600 from the first byte, not chmod-ed afterwards; CreateNew so that two servers
                // starting together cannot each write a different key.
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(path, options);
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }

        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}

public enum IdentifierKind
{
    IdNumber,
    Phone,
}
