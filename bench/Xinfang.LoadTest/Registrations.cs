using System.Globalization;
using System.Text.Json;

namespace Xinfang.LoadTest;

/// <summary>
/// Valid registration bodies (the shape of MatterApi.Letter in the web tests) that differ in petitioner, ID number,
/// phone, title, category and issue location, so that the repeat check and the routing rules do real work.
/// </summary>
public sealed class Registrations(IReadOnlyList<(string Code, string Name)> categories, IReadOnlyList<Guid> locations, DateOnly today)
{
    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"];
    private static readonly string[] Places = ["凤凰路", "新华路", "振兴", "新兴", "北屯", "武屯", "关山", "人民路", "前进路", "西飞大道"];
    private static readonly string[] Concerns = ["问题长期未解决", "多次反映无人答复", "影响正常生活", "要求有关部门依法处理", "请求尽快核实"];

    // GB/T 2260 codes that IdNumber accepts: Yanliang, Lintong, Xi'an districts, and a few from elsewhere.
    private static readonly string[] Regions = ["610114", "610115", "610112", "610104", "610113", "110101", "440305", "320102"];
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private static readonly JsonWriterOptions Writer = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public byte[] Next(Random random)
    {
        var (categoryCode, categoryName) = categories[random.Next(categories.Count)];
        var place = Places[random.Next(Places.Length)];
        var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
        var title = $"{place}{categoryName}{Concerns[random.Next(Concerns.Length)]}";
        var content = $"{name}反映：{place}一带的{categoryName}问题，{Concerns[random.Next(Concerns.Length)]}。"
            + $"自{today.Year - random.Next(1, 4)}年以来已向有关单位反映{random.Next(1, 9)}次，{Concerns[random.Next(Concerns.Length)]}。";

        using var buffer = new MemoryStream(1024);
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("channel", "letter");
            json.WriteString("receivedOn", today.AddDays(-random.Next(0, 5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartArray("petitioners");
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("idNumber", IdNumber(random));
            json.WriteString("phone", "13" + random.NextInt64(100_000_000, 1_000_000_000).ToString(CultureInfo.InvariantCulture));
            json.WriteString("address", $"阎良区{place}{random.Next(1, 300)}号");
            json.WriteBoolean("isRepresentative", false);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteNumber("headcount", 1);
            json.WriteString("purpose", "claim");
            json.WriteString("categoryCode", categoryCode);
            json.WriteString("locationUnitId", locations[random.Next(locations.Count)]);
            json.WriteString("title", title);
            json.WriteString("content", content);
            json.WriteStartArray("demands");
            json.WriteStringValue($"依法解决{categoryName}问题");
            json.WriteEndArray();
            json.WriteStartArray("flags");
            json.WriteStringValue("first-time");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>An 18-digit number that passes GB 11643: region, a birth date from 1950 to 2000, sequence, check character.</summary>
    public static string IdNumber(Random random)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 50));
        var first17 = Regions[random.Next(Regions.Length)] + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            + random.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return first17 + "10X98765432"[sum % 11];
    }
}
