using System.Security.Cryptography;
using System.Text;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;
using Xinfang.Web.Data.Configurations;

namespace Xinfang.Web.Infrastructure;

/// <summary>
/// A keyed hash (HMAC-SHA256) of a normalised ID number, phone or address, stored beside the petitioner so that an exact
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
            : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Prefix(kind) + normalized)));

    /// <summary>The hash columns stored beside a petitioner (<see cref="PetitionerConfiguration"/>) and what each one hashes.</summary>
    public static readonly IReadOnlyList<(string Property, string Source, IdentifierKind Kind)> PetitionerColumns =
    [
        (PetitionerConfiguration.IdNumberHash, nameof(Petitioner.IdNumber), IdentifierKind.IdNumber),
        (PetitionerConfiguration.PhoneHash, nameof(Petitioner.Phone), IdentifierKind.Phone),
        (PetitionerConfiguration.AddressHash, nameof(Petitioner.Address), IdentifierKind.Address),
    ];

    /// <summary>
    /// The hashes stored beside a petitioner, by shadow property name: the identifiers themselves are encrypted at rest
    /// with a random nonce, so equality is only ever asked of these.
    /// </summary>
    public IEnumerable<(string Property, string? Hash)> Of(Petitioner petitioner) =>
        PetitionerColumns.Select(c => (c.Property, OfStored(c.Kind, c.Kind switch
        {
            IdentifierKind.IdNumber => petitioner.IdNumber,
            IdentifierKind.Phone => petitioner.Phone,
            _ => petitioner.Address,
        })));

    /// <summary>The hash of an identifier as a petitioner's column holds it (an address is compared without its spaces).</summary>
    public string? OfStored(IdentifierKind kind, string? value) => Of(kind, kind == IdentifierKind.Address ? AddressKey(value) : value);

    /// <summary>An address as it is compared: without any white space, so that "幸福路 3号" is "幸福路3号".</summary>
    public static string? AddressKey(string? address) =>
        string.IsNullOrWhiteSpace(address) ? null : string.Concat(address.Where(c => !char.IsWhiteSpace(c)));

    private static string Prefix(IdentifierKind kind) => kind switch
    {
        IdentifierKind.IdNumber => "id:",
        IdentifierKind.Phone => "phone:",
        _ => "address:",
    };

    public static IdentifierHash FromConfiguration(IConfiguration configuration)
    {
        if (configuration["Identifiers:HashKey"] is { Length: > 0 } configured)
        {
            return new IdentifierHash(Convert.FromBase64String(configured));
        }

        var path = Path.GetFullPath(configuration["Identifiers:HashKeyFile"] is { Length: > 0 } file ? file : DefaultKeyFile);
        return new IdentifierHash(Convert.FromBase64String(KeyFile.ReadOrCreate(path, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)))));
    }
}

public enum IdentifierKind
{
    IdNumber,
    Phone,
    Address,
}
