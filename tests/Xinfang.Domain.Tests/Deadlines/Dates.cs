using System.Globalization;

namespace Xinfang.Domain.Tests.Deadlines;

internal static class Dates
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
