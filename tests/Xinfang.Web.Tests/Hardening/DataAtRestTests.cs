using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinfang.Domain.Matters;
using Xinfang.Web.Infrastructure;
using Xinfang.Web.Tests.Infrastructure;
using Xinfang.Web.Tests.Prevention;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Hardening;

/// <summary>
/// A copy of the database alone reveals no ID number, phone or address, and no key that signs a session; the key
/// ring rotates without losing a record or a session (等保 2.0 level 3, confidentiality of stored data; SECURITY.md).
/// </summary>
public sealed class DataAtRestTests
{
    private const string SecondKey = "t2=eGluZmFuZy10ZXN0LWlkZW50aWZpZXItY2lwaGVyLTI=";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Identifiers_and_session_keys_are_stored_encrypted_and_still_found_and_read(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var street = await app.StaffAsync(Street, "handler");
        var (id, phone, address) = (TestPeople.IdNumber(), TestPeople.Mobile(), "幸福路" + Random.Shared.Next(100, 999) + "号");
        var matter = await RegisterAsync(registrar.Http, Letter(app.Today, b =>
        {
            b["petitioners"]![0]!["idNumber"] = id;
            b["petitioners"]![0]!["phone"] = phone;
            b["petitioners"]![0]!["address"] = address;
        }));
        var (contactId, contactPhone) = (TestPeople.IdNumber(false), TestPeople.Mobile());
        await LedgerApi.FileAsync(street.Http, await LedgerApi.ItemAsync(app, Street, app.Today, b =>
        {
            b["contactIdNumber"] = contactId;
            b["contactPhone"] = contactPhone;
        }));

        var stored = await RawAsync(app, "SELECT id_number AS \"Value\" FROM petitioner UNION ALL SELECT phone FROM petitioner UNION ALL SELECT address FROM petitioner "
                                         + "UNION ALL SELECT contact_id_number FROM ledger_items UNION ALL SELECT contact_phone FROM ledger_items");
        Assert.NotEmpty(stored);
        Assert.All(stored, value => Assert.StartsWith("x1:t1:", value));
        foreach (var secret in new[] { id, phone, address, contactId, contactPhone })
        {
            Assert.DoesNotContain(stored, value => value.Contains(secret, StringComparison.Ordinal));
        }

        // Read back through the model in the clear, and found through the keyed hashes.
        var petitioner = await app.WithDbAsync(d => d.Set<Petitioner>().AsNoTracking().SingleAsync(p => p.MatterId == Id(matter), Ct));
        Assert.Equal((id, phone, address), (petitioner.IdNumber, petitioner.Phone, petitioner.Address));
        foreach (var query in new[] { id, phone })
        {
            var found = await ListAsync(registrar.Http, query);
            Assert.Contains(found.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == Id(matter));
        }

        // The keys that sign sessions and tokens are in the database too, sealed with the same key ring.
        var keys = await RawAsync(app, "SELECT xml AS \"Value\" FROM data_protection_keys");
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<xinfangEncryptedKey", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }

    [Theory, DatabaseData]
    public async Task Rotating_the_key_re_encrypts_everything_and_the_old_key_can_then_go(Db db)
    {
        var database = await TestDatabase.CreateAsync(db);
        await using var _ = database;
        var (id, phone, address) = (TestPeople.IdNumber(), TestPeople.Mobile(), "和平街" + Random.Shared.Next(100, 999) + "号");
        Guid matterId;
        string token;
        await using (var first = XinfangApp.StartOn(database))
        {
            var registrar = await first.StaffAsync("610114", "registrar");
            token = registrar.Http.DefaultRequestHeaders.Authorization!.Parameter!;
            var matter = await RegisterAsync(registrar.Http, Letter(first.Today, b =>
            {
                b["petitioners"]![0]!["idNumber"] = id;
                b["petitioners"]![0]!["phone"] = phone;
                b["petitioners"]![0]!["address"] = address;
            }));
            matterId = Id(matter);
            // A value written before encryption was switched on: in the clear, with no address hash.
            await first.WithDbAsync(d => d.Database.ExecuteSqlAsync(
                $"UPDATE petitioner SET address = {address}, address_hash = NULL WHERE matter_id = {matterId}", Ct));
        }

        var rotated = new Dictionary<string, string> { ["Identifiers:EncryptionKeys"] = XinfangApp.TestEncryptionKeys + ";" + SecondKey, ["Jobs:IdentifierRewrap"] = "false" };
        await using (var second = XinfangApp.StartOn(database, settings: rotated))
        {
            var rows = await second.WithDbAsync(d => IdentifierRewrap.RunAsync(d, second.Services.GetRequiredService<IdentifierHash>(), batch: 2, Ct));
            Assert.True(rows >= 2, $"{rows} rows rewritten"); // the seeded administrator's matter has none: the one petitioner and a session key at least
            Assert.All(await RawAsync(second, "SELECT id_number AS \"Value\" FROM petitioner UNION ALL SELECT phone FROM petitioner UNION ALL SELECT address FROM petitioner"),
                value => Assert.StartsWith("x1:t2:", value));
            Assert.Equal(0, await second.WithDbAsync(d => IdentifierRewrap.RunAsync(d, second.Services.GetRequiredService<IdentifierHash>(), cancellationToken: Ct)));
        }

        var onlyNew = new Dictionary<string, string> { ["Identifiers:EncryptionKeys"] = SecondKey };
        await using var third = XinfangApp.StartOn(database, settings: onlyNew);
        var petitioner = await third.WithDbAsync(d => d.Set<Petitioner>().AsNoTracking().SingleAsync(p => p.MatterId == matterId, Ct));
        Assert.Equal((id, phone, address), (petitioner.IdNumber, petitioner.Phone, petitioner.Address));
        // The session issued under the first key still opens the matter, and the person is still one person.
        using var client = third.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var found = await ListAsync(client, id);
        Assert.Contains(found.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == matterId);
        var hashes = await RawAsync(third, $"SELECT address_hash AS \"Value\" FROM petitioner WHERE address_hash IS NOT NULL");
        Assert.NotEmpty(hashes);
    }

    [Fact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_sqlite_file_and_its_folder_are_for_the_server_account_only()
    {
        await using var unused = await TestDatabase.CreateAsync(Db.Sqlite);
        var folder = Path.Combine(Path.GetTempPath(), "xinfang-mode-" + Guid.NewGuid().ToString("N"), "data");
        var settings = new Dictionary<string, string> { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Xinfang"] = $"Data Source={folder}/xinfang.db" };
        await using (var app = XinfangApp.StartOn(unused, settings: settings))
        {
            await app.AdminAsync();
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "xinfang.db")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }

    private static async Task<System.Text.Json.JsonElement> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/matters?q={query}", Ct);
        await Http.EnsureAsync(response);
        return await ReadAsync(response);
    }

    private static Task<List<string>> RawAsync(XinfangApp app, string sql) =>
        app.WithDbAsync(d => d.Database.SqlQueryRaw<string>(sql).Where(v => v != null).ToListAsync(Ct));
}
