using Xinfang.Domain.Deadlines;

namespace Xinfang.Domain.Tests.Deadlines;

/// <summary>Reading a year from the lines an administrator pastes (no database: a pure function of the text).</summary>
public sealed class CalendarImportTests
{
    private const string Source = "国务院办公厅关于2027年部分节假日安排的通知";

    [Fact]
    public void Lines_ranges_both_spellings_of_the_kind_comments_and_blank_lines_are_read()
    {
        var result = CalendarImport.Parse(2027, Source, """
            # 元旦
            2027-01-01 休 元旦

            2027-02-05 至 2027-02-07 holiday 春节
            2027-02-20　班　春节调休上班
            2027-2-21,workday,春节调休上班
            2027-10-01~2027-10-02 放假 国庆节
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(
            [
                new CalendarDay(new(2027, 1, 1), DayKind.Holiday, "元旦"),
                new CalendarDay(new(2027, 2, 5), DayKind.Holiday, "春节"),
                new CalendarDay(new(2027, 2, 6), DayKind.Holiday, "春节"),
                new CalendarDay(new(2027, 2, 7), DayKind.Holiday, "春节"),
                new CalendarDay(new(2027, 2, 20), DayKind.Workday, "春节调休上班"),
                new CalendarDay(new(2027, 2, 21), DayKind.Workday, "春节调休上班"),
                new CalendarDay(new(2027, 10, 1), DayKind.Holiday, "国庆节"),
                new CalendarDay(new(2027, 10, 2), DayKind.Holiday, "国庆节"),
            ],
            result.Days);
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_number()
    {
        var result = CalendarImport.Parse(2027, Source, """
            2027-01-01 休 元旦
            2027-02-30 休 春节
            2027-02-08 班 春节调休上班
            2026-12-31 休 元旦
            2027-03-01 请假 某节
            2027-01-01 班 元旦调休
            明天 休
            2027-04-05 休
            """);

        Assert.False(result.IsValid);
        Assert.Equal(
            [
                (2, "日期“2027-02-30”无效，请写作 YYYY-MM-DD，如 2027-10-01。"),
                (3, "2027-02-08 是星期一，调休上班日只能是周六或周日。"),
                (4, "2026-12-31 不属于 2027 年，请把它录入 2026 年的日历。"),
                (5, "类别“请假”无法识别：放假写“休”（或 holiday），调休上班写“班”（或 workday）。"),
                (6, "2027-01-01 是星期五，调休上班日只能是周六或周日。"),
                (7, "日期“明天”无效，请写作 YYYY-MM-DD，如 2027-10-01。"),
                (8, "2027-04-05 缺少名称，请填写节日名称（如“国庆节”）或调休说明（如“国庆节调休上班”）。"),
            ],
            result.Problems.Select(p => (p.Line, p.Message)));
    }

    [Fact]
    public void A_date_listed_twice_names_both_lines()
    {
        var result = CalendarImport.Parse(2027, Source, "2027-02-06 休 春节\n2027-02-06 班 春节调休上班");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "2027-02-06 同时被列为节假日和调休上班日，请核对通知后只保留一行。（另见第 1 行）"), (problem.Line, problem.Message));
    }

    [Theory]
    [InlineData(1999, "年份 1999 超出范围，日历只能录入 2000–2100 年。")]
    [InlineData(2101, "年份 2101 超出范围，日历只能录入 2000–2100 年。")]
    public void A_year_outside_the_range_is_one_problem_for_the_whole_text(int year, string message)
    {
        var result = CalendarImport.Parse(year, Source, "");

        Assert.Equal([(0, message)], result.Problems.Select(p => (p.Line, p.Message)));
    }

    [Fact]
    public void A_missing_source_is_refused()
    {
        var result = CalendarImport.Parse(2027, " ", "2027-01-01 休 元旦");

        Assert.Equal(0, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void A_range_longer_than_a_month_or_reversed_is_refused()
    {
        var result = CalendarImport.Parse(2027, Source, "2027-01-01 至 2027-03-01 休 元旦\n2027-02-07 至 2027-02-05 休 春节");

        Assert.Equal([1, 2], result.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Every_shipped_year_survives_format_and_parse()
    {
        foreach (var year in ShippedCalendars.All)
        {
            var result = CalendarImport.Parse(year.Year, year.Source, CalendarImport.Format(year.Days));

            Assert.True(result.IsValid, string.Join("; ", result.Problems));
            Assert.Equal(year.Days.OrderBy(d => d.Date), result.Days);
        }
    }
}
