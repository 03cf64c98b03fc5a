using Xinfang.Web.Data;
using Xinfang.Web.Data.Audit;

namespace Xinfang.Web.Hosting;

/// <summary>
/// Administration from the command line, with the same configuration as the server:
/// <c>dotnet run --project src/Xinfang.Web -- audit verify</c>.
/// </summary>
public static class Cli
{
    private static readonly string[] Verbs = ["audit", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args)
        {
            case ["audit", "verify", ..]:
                await DatabaseInitializer.InitializeAsync(app.Services);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<XinfangDb>();
                    var broken = await AuditChain.VerifyAsync(db);
                    var count = db.AuditEntries.LongCount();
                    if (broken is null)
                    {
                        Console.WriteLine($"审计链完整：共 {count} 条记录，逐条校验通过。 (audit chain intact: {count} entries)");
                        return 0;
                    }

                    Console.WriteLine($"审计链断裂：第 {broken.Sequence} 条。{broken.Reason} (audit chain broken at entry {broken.Sequence})");
                    return 2;
                }

            default:
                Console.WriteLine("用法 / usage: dotnet run --project src/Xinfang.Web -- audit verify");
                return args is ["help", ..] ? 0 : 1;
        }
    }
}
