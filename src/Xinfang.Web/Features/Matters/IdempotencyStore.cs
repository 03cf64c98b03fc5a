using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Infrastructure;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// Idempotent registration: a retry with the same key and the same body returns the first result and registers
/// nothing; the same key with a different body is refused. Looked up under the same lock as the registration, so
/// two concurrent retries cannot both register.
/// </summary>
public sealed class IdempotencyStore(XinfangDb db, IDataProtectionProvider protection, TimeProvider time)
{
    public const int MaxKeyLength = IdempotencyRecord.MaxKeyLength;

    private readonly IDataProtector _protector = protection.CreateProtector("Xinfang.Idempotency");

    public async Task<Result<MatterView>?> FindAsync(string userName, string key, RegistrationInput input, CancellationToken cancellationToken)
    {
        var record = await db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.UserName == userName && r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != Hash(input))
        {
            return Error.Validation("idempotency.key-reused", $"Idempotency-Key “{key}” 已用于另一份不同的登记内容，请为新的登记使用新的键。", "Idempotency-Key");
        }

        return JsonSerializer.Deserialize<MatterView>(_protector.Unprotect(record.Response), Json)!;
    }

    public void Remember(string userName, string key, RegistrationInput input, MatterView response) => db.Add(new IdempotencyRecord
    {
        UserName = userName,
        Key = key,
        RequestHash = Hash(input),
        Response = _protector.Protect(JsonSerializer.Serialize(response, Json)),
        CreatedAt = time.GetUtcNow().UtcDateTime,
    });

    private static JsonSerializerOptions Json => ApiJson.Options;

    private static string Hash(RegistrationInput input) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(input, Json))));
}
