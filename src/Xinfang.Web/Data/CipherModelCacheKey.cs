using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Xinfang.Web.Data;

/// <summary>
/// EF Core builds a model once per context type and keeps it for the process. The model holds the identifier
/// converters, which hold a key ring: one model per key ring, so that two applications in one process (a rotation, the
/// tests) never read each other's ciphertexts with the wrong keys.
/// </summary>
public sealed class CipherModelCacheKey : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as XinfangDb)?.Cipher?.Fingerprint, designTime);
}
