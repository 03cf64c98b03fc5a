using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Json.Schema;

namespace Xinfang.Web.Features.Exchange;

/// <summary>The exchange package's names, version, limits and schemas (docs/exchange/README.md, docs/exchange/*.schema.json).</summary>
public static partial class ExchangePackage
{
    public const string Format = "xinfang-exchange";
    public const int Version = 1;
    public const string ManifestName = "xinfang-exchange.json";

    public const long DefaultMaxPackageBytes = 512L * 1024 * 1024;
    public const long DefaultMaxExpandedBytes = 2L * 1024 * 1024 * 1024;
    public const int DefaultMaxEntries = 200_000;

    /// <summary>How many bytes of documents and attachments an import holds before it writes them and forgets them (still inside its one transaction).</summary>
    public const long DefaultImportFlushBytes = 32L * 1024 * 1024;

    /// <summary>No single file in a package is larger than this expanded (an attachment is at most 20 MB by default).</summary>
    public const long MaxEntryBytes = 64L * 1024 * 1024;

    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static readonly JsonSchema ManifestSchema = Load("manifest.schema.json");
    public static readonly JsonSchema MatterSchema = Load("matter.schema.json");

    /// <summary>The only names an entry may have: the manifest, a matter file, a blob. Anything else (a path with <c>..</c>, an absolute one) is refused.</summary>
    [GeneratedRegex(@"^(xinfang-exchange\.json|matters/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json|blobs/[0-9a-f]{64})$")]
    public static partial Regex EntryName();

    private static JsonSchema Load(string name)
    {
        using var stream = typeof(ExchangePackage).Assembly.GetManifestResourceStream($"Xinfang.Web.Exchange.{name}")
            ?? throw new InvalidOperationException($"The schema {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    }
}
