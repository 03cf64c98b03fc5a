using System.Collections.ObjectModel;

namespace Xinfang.Domain.Deadlines;

/// <summary>
/// The calendars that ship with the product (2023–2026), embedded from <c>Deadlines/Calendars/*.json</c>.
/// Later years are entered by an administrator when the State Council publishes them.
/// </summary>
public static class ShippedCalendars
{
    private const string Prefix = "Xinfang.Domain.Calendars.";

    private static readonly Lazy<IReadOnlyList<CalendarYear>> Loaded = new(Load);

    public static IReadOnlyList<CalendarYear> All => Loaded.Value;

    private static ReadOnlyCollection<CalendarYear> Load()
    {
        var assembly = typeof(ShippedCalendars).Assembly;
        var years = new List<CalendarYear>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var year = CalendarJson.Parse(reader.ReadToEnd());
            // A broken shipped file is a bug in the build, not user input: fail at load time.
            var checkedYear = CalendarValidation.Validate(year);
            years.Add(checkedYear.IsSuccess ? year : throw new InvalidOperationException($"{name}: {checkedYear.Error!.Detail}"));
        }

        return years.AsReadOnly();
    }
}
