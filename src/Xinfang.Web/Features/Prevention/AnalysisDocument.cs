using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Xinfang.Web.Features.Prevention;

/// <summary>
/// 分析研判报告 as a Word document: title in 方正小标宋 style (falls back to SimSun), body in 仿宋, tables of the figures.
/// Self-contained on purpose: it is to be folded onto the shared official-document builder once that exists.
/// </summary>
public static class AnalysisDocument
{
    public static byte[] Build(AnalysisView a, string scope)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Paragraph($"{scope}矛盾纠纷排查化解分析研判报告", size: 44, bold: true, center: true, font: "SimSun"));
            body.Append(Paragraph($"（{Date(a.From)}至{Date(a.To)}）", size: 32, center: true));
            body.Append(Paragraph(
                $"本期共排查矛盾纠纷{a.Total}件，化解{a.Resolved}件，期末尚有{a.Open}件未化解；转为信访事项{a.BecamePetitionCount}件。" +
                (a.ByTopic.Count > 0 ? $"数量最多的类型是{a.ByTopic[0].Name}（{a.ByTopic[0].Count}件）。" : "") +
                (a.Rising.Count > 0 ? $"较上期或去年同期上升的类型有：{string.Join("、", a.Rising.Select(t => t.Topic))}。" : "各类型均未较上期或去年同期上升。")));

            body.Append(Heading("一、按矛盾类型"));
            body.Append(Table(["矛盾类型", "本期", "上期", "去年同期", "环比", "同比"], [3, 2, 2, 2, 2, 2],
                a.Trends.Select(t => new[] { t.Topic, N(t.Count), N(t.Previous), N(t.LastYear), Rate(t.ChangeRate), Rate(t.YearOnYearRate) })));
            body.Append(Heading("二、按风险等级"));
            body.Append(Table(["风险等级", "件数"], [1, 1], a.ByRisk.Select(r => new[] { r.Name, N(r.Count) })));
            body.Append(Heading("三、按责任单位"));
            body.Append(Table(["责任单位", "件数"], [3, 1], a.ByUnit.Select(u => new[] { u.Name, N(u.Count) })));
            body.Append(Heading("四、久拖未化解事项"));
            body.Append(Table(["事项", "类型", "责任单位", "风险", "排查日期", "已历天数"], [22, 12, 16, 8, 24, 11],
                a.LongestOpen.Select(i => new[] { i.Title, i.Topic, i.ResponsibleUnit, i.RiskLabel, Date(i.ReportedOn), N(i.DaysOpen) })));
            body.Append(Heading("五、转为信访事项的"));
            body.Append(Table(["台账事项", "转为信访日期", "信访事项编号"], [4, 3, 4],
                a.BecamePetitions.Select(p => new[] { p.ItemTitle, Date(p.On), string.Join("、", p.Matters.Select(m => m.Number)) })));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
        }

        return stream.ToArray();
    }

    private static Paragraph Heading(string text) => Paragraph(text, size: 32, font: "SimHei");

    private static Paragraph Paragraph(string text, int size = 32, bool bold = false, bool center = false, string font = "FangSong")
    {
        var runProperties = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font },
            new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            // The schema orders w:b before w:sz; the document is to pass OpenXmlValidator, as strict readers expect.
            runProperties.InsertAt(new Bold(), 1);
        }

        var properties = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (center)
        {
            properties.Append(new Justification { Val = JustificationValues.Center });
        }
        else
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    // A4 less the left and right margins of the section below, in twentieths of a point.
    private const int TextWidth = 11906 - 1588 - 1474;

    /// <summary>
    /// A table across the text width, its columns in proportion to <paramref name="weights"/>: without a grid, Word and
    /// LibreOffice give every column the same width, which squeezes a long 事项 title into a column as narrow as 风险.
    /// </summary>
    private static Table Table(string[] headers, int[] weights, IEnumerable<string[]> rows)
    {
        var widths = weights.Select(w => TextWidth * w / weights.Sum()).ToArray();
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Dxa, Width = N(widths.Sum()) }, border, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = N(w) })));
        table.Append(Row(headers, widths, header: true));
        var any = false;
        foreach (var row in rows)
        {
            table.Append(Row(row, widths, header: false));
            any = true;
        }

        if (!any)
        {
            table.Append(Row([.. headers.Select((_, i) => i == 0 ? "无" : "")], widths, header: false));
        }

        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, int[] widths, bool header) =>
        new(cells.Select((c, i) => new TableCell(
            new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = N(widths[i]) }),
            new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new RunProperties(new RunFonts { Ascii = "FangSong", HighAnsi = "FangSong", EastAsia = header ? "SimHei" : "FangSong" },
                new FontSize { Val = "24" }), new Text(c))))));

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Rate(decimal? rate) => rate is { } r ? (r > 0 ? "+" : "") + (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
