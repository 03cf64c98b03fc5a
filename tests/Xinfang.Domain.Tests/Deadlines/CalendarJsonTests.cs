using System.Text.Json;
using Xinfang.Domain.Deadlines;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Deadlines;

public sealed class CalendarJsonTests
{
    [Fact]
    public void A_calendar_year_reads_the_api_shape()
    {
        var year = CalendarJson.Parse("""
            { "year": 2025, "source": "国务院办公厅通知", "days": [
              { "date": "2025-01-01", "kind": "holiday", "name": "元旦" },
              { "date": "2025-01-26", "kind": "workday", "name": "春节调休上班" } ] }
            """);

        Assert.Equal(2025, year.Year);
        Assert.Equal("国务院办公厅通知", year.Source);
        Assert.Equal([new CalendarDay(D("2025-01-01"), DayKind.Holiday, "元旦"), new CalendarDay(D("2025-01-26"), DayKind.Workday, "春节调休上班")], year.Days);
    }

    [Fact]
    public void A_calendar_year_writes_camel_case_kinds_and_unescaped_chinese()
    {
        var json = CalendarJson.Serialize(new CalendarYear(2025, "通知", [new CalendarDay(D("2025-10-11"), DayKind.Workday, "国庆节调休上班")]));

        Assert.Contains("\"year\": 2025", json);
        Assert.Contains("\"date\": \"2025-10-11\"", json);
        Assert.Contains("\"kind\": \"workday\"", json);
        Assert.Contains("\"name\": \"国庆节调休上班\"", json);
    }

    [Fact]
    public void Every_shipped_year_survives_a_round_trip()
    {
        foreach (var year in ShippedCalendars.All)
        {
            var again = CalendarJson.Parse(CalendarJson.Serialize(year));

            Assert.Equal(year.Year, again.Year);
            Assert.Equal(year.Source, again.Source);
            Assert.Equal(year.Days, again.Days);
        }
    }

    [Theory]
    [InlineData("""{ "year": 2025, "days": [] }""")]
    [InlineData("""{ "year": 2025, "source": "通知", "days": [ { "date": "2025-01-01", "kind": "holiday" } ] }""")]
    [InlineData("""{ "year": 2025, "source": "通知", "days": [ { "date": "2025-01-01", "kind": "rest", "name": "元旦" } ] }""")]
    [InlineData("""{ "year": 2025, "source": "通知", "days": [ { "date": "2025-01-01", "kind": 0, "name": "元旦" } ] }""")]
    [InlineData("""{ "year": 2025, "source": "通知", "days": [ { "date": "2025/01/01", "kind": "holiday", "name": "元旦" } ] }""")]
    [InlineData("""{ "year": 2025, "source": null, "days": [] }""")]
    [InlineData("null")]
    [InlineData("{")]
    public void Malformed_calendar_json_is_refused_loudly(string json)
    {
        Assert.ThrowsAny<JsonException>(() => CalendarJson.Parse(json));
    }
}
