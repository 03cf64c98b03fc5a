namespace Xinfang.Web.Tests.Infrastructure;

/// <summary>The database providers every database test runs on.</summary>
public enum Db
{
    Sqlite,
    Postgres,
}
