using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Data;

/// <summary>
/// Encrypts personal identifiers (ID numbers, phones, addresses) at rest with AES-256-GCM, so that a copy of the
/// database or of a backup alone reveals none of them (等保 2.0 level 3, confidentiality of stored personal data).
/// A stored value reads <c>x1:&lt;key id&gt;:&lt;base64 of nonce, ciphertext, tag&gt;</c>; the key id is bound into the tag.
/// Each value gets a random nonce, so equal identifiers are not equal at rest: lookups go through the keyed hashes
/// beside them (Infrastructure.IdentifierHash), never through these columns.
///
/// The key ring comes from <c>Identifiers:EncryptionKeys</c> (<c>id=base64;id=base64</c>, the last one current) or from
/// the file <c>Identifiers:EncryptionKeyFile</c> (default <c>data/identifier-encryption.key</c>, one <c>id=base64</c> a
/// line, created 0600 with one key on first start). Rotation: add a key at the end, restart every server, run
/// <c>rotate-identifiers</c>, then remove the old key (SECURITY.md, "Key rotation").
/// </summary>
public sealed partial class IdentifierCipher
{
    public const string DefaultKeyFile = "data/identifier-encryption.key";
    public const int KeyBytes = 32;

    /// <summary>Model annotation on a property stored encrypted; XinfangDb puts the converter on it.</summary>
    public const string Encrypted = "Xinfang:Encrypted";

    private const string Version = "x1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int KeyIdLength = 16;

    private readonly Dictionary<string, byte[]> _keys = [];

    public IdentifierCipher(IReadOnlyList<(string Id, byte[] Key)> ring)
    {
        if (ring.Count == 0)
        {
            throw new InvalidOperationException("Identifiers:EncryptionKeys holds no key.");
        }

        foreach (var (id, key) in ring)
        {
            if (!KeyId().IsMatch(id) || key.Length != KeyBytes || !_keys.TryAdd(id, key))
            {
                throw new InvalidOperationException(
                    $"Identifiers:EncryptionKeys: each key is id=base64 with an id of 1–{KeyIdLength} lower-case letters, digits or '-', a {KeyBytes}-byte key, and no id twice ('{id}').");
            }
        }

        CurrentKeyId = ring[^1].Id;
        // Tells models apart in EF Core's model cache: the converters of one key ring must not serve another's
        // context (tests run applications with different rings in one process).
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(";", ring.Select(k => k.Id + "=" + Convert.ToBase64String(k.Key))))))[..16];
    }

    public string CurrentKeyId { get; }

    public string Fingerprint { get; }

    /// <summary>The column length that holds <paramref name="plainChars"/> characters of any script once encrypted.</summary>
    public static int StoredLength(int plainChars) =>
        Version.Length + 1 + KeyIdLength + 1 + (NonceBytes + plainChars * 3 + TagBytes + 2) / 3 * 4;

    public string Protect(string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[NonceBytes + data.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[CurrentKeyId], TagBytes);
        aes.Encrypt(nonce, data, sealedBytes.AsSpan(NonceBytes, data.Length), sealedBytes.AsSpan(NonceBytes + data.Length), Encoding.ASCII.GetBytes(CurrentKeyId));
        return $"{Version}:{CurrentKeyId}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>
    /// The plain value. A value without the marker was written before encryption was switched on (an upgrade): it is
    /// read as it is, and <c>rotate-identifiers</c> (run in the background after start) encrypts it.
    /// </summary>
    public string Unprotect(string stored)
    {
        if (!TryParse(stored, out var keyId, out var sealedBytes))
        {
            return stored;
        }

        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new InvalidOperationException($"A stored identifier is encrypted with key '{keyId}', which is not in Identifiers:EncryptionKeys.");
        }

        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var data = new byte[length];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), data, Encoding.ASCII.GetBytes(keyId));
        return Encoding.UTF8.GetString(data);
    }

    /// <summary>Whether a stored value is already encrypted with the current key (nothing for the rotation to do).</summary>
    public bool IsCurrent(string? stored) => stored is null || stored.StartsWith($"{Version}:{CurrentKeyId}:", StringComparison.Ordinal);

    public static IdentifierCipher FromConfiguration(IConfiguration configuration)
    {
        var ring = configuration["Identifiers:EncryptionKeys"] is { Length: > 0 } configured
            ? configured
            : KeyFile.ReadOrCreate(Path.GetFullPath(configuration["Identifiers:EncryptionKeyFile"] is { Length: > 0 } file ? file : DefaultKeyFile),
                () => $"k1={Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes))}\n");
        return new IdentifierCipher(ring.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Split('=', 2) is [var id, var key] ? (id, Convert.FromBase64String(key)) : throw new InvalidOperationException("Identifiers:EncryptionKeys: each key is id=base64."))
            .ToList());
    }

    private static bool TryParse(string stored, out string keyId, out byte[] sealedBytes)
    {
        (keyId, sealedBytes) = ("", []);
        var parts = stored.Split(':', 3);
        if (parts is not [Version, var id, var body] || !KeyId().IsMatch(id))
        {
            return false;
        }

        sealedBytes = new byte[body.Length * 3 / 4];
        if (!Convert.TryFromBase64String(body, sealedBytes, out var written) || written < NonceBytes + TagBytes)
        {
            return false;
        }

        (keyId, sealedBytes) = (id, sealedBytes[..written]);
        return true;
    }

    [GeneratedRegex("^[a-z0-9-]{1,16}$")]
    private static partial Regex KeyId();
}

public static class EncryptedProperties
{
    /// <summary>
    /// Stores the property encrypted (<see cref="IdentifierCipher"/>), sized for <paramref name="plainChars"/> characters
    /// of plain text, and kept out of the audit trail.
    /// </summary>
    public static PropertyBuilder<string?> IsEncrypted(this PropertyBuilder<string?> property, int plainChars) =>
        property.HasMaxLength(IdentifierCipher.StoredLength(plainChars))
            .HasAnnotation(IdentifierCipher.Encrypted, plainChars)
            .HasAnnotation(AuditRecorder.Sensitive, true);
}
