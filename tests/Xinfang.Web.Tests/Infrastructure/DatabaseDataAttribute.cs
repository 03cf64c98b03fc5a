using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Xinfang.Web.Tests.Infrastructure;

/// <summary>
/// Runs a theory once per provider: <c>[Theory, DatabaseData] public async Task X(Db db)</c>. A provider that cannot
/// start fails its rows; nothing is ever skipped.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseDataAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        ValueTask.FromResult<IReadOnlyCollection<ITheoryDataRow>>(
            [new TheoryDataRow<Db>(Db.Sqlite), new TheoryDataRow<Db>(Db.Postgres)]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
