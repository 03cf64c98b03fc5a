using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Xinfang.Web.Documents;

/// <summary>
/// Lays out an <see cref="OfficialDocument"/> as a Word file in the format of GB/T 9704-2012 (党政机关公文格式):
/// A4, margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; 22 lines of 28 characters; title in 方正小标宋简体 22 pt,
/// body in 仿宋_GB2312 16 pt; red letterhead and rule; issuing body and date at the foot with room for the seal;
/// page numbers "— 1 —" in 宋体 14 pt, odd pages right and even pages left, one character in from the edge.
/// The fonts are named as the standard names them; each declares a common alternative, and LibreOffice or a PC
/// without them substitutes a CJK serif, so the text never shows as boxes.
/// </summary>
public static class DocxWriter
{
    // Sizes in half-points and lengths in twentieths of a point (twips), as WordprocessingML counts them.
    private const string TitleSize = "44";      // 二号 22 pt
    private const string BodySize = "32";       // 三号 16 pt
    private const string LetterheadSize = "52"; // 26 pt
    private const string PageNumberSize = "28"; // 四号 14 pt
    private const string TableSize = "24";      // 小四 12 pt: figures in tables are smaller than the body
    private const int Character = 320;          // one 16 pt character
    private const int LinePitch = 579;          // 225 mm of text block / 22 lines
    private const int Tracking = -5;            // −0.25 pt per character: 28 characters of 16 pt fill the 156 mm line

    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    public const string HeadingFont = "黑体";
    public const string NumberFont = "宋体";

    private static readonly (string Name, string AltName)[] Fonts =
    [
        (TitleFont, "华文中宋;STZhongsong;Noto Serif CJK SC"), (BodyFont, "仿宋;FangSong;Noto Serif CJK SC"), (HeadingFont, "SimHei;Noto Sans CJK SC"), (NumberFont, "SimSun;Noto Serif CJK SC"), ("Times New Roman", "Liberation Serif"),
    ];

    private const string Red = "E60012";

    public static byte[] Write(OfficialDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }

    public static void Write(OfficialDocument document, Stream stream)
    {
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            AddStyles(main);
            AddFontTable(main);
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new DefaultTabStop { Val = Character * 2 }, new EvenAndOddHeaders(),
                new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation });
            var oddFooter = AddFooter(main, JustificationValues.Right);
            var evenFooter = AddFooter(main, JustificationValues.Left);

            var body = new Body();
            if (document.Letterhead)
            {
                body.Append(Paragraph(document.Issuer, JustificationValues.Center, TitleFont, LetterheadSize, color: Red, spacingAfter: LinePitch / 2));
                body.Append(Rule());
            }

            body.Append(Empty());
            body.Append(Paragraph(document.Title, JustificationValues.Center, TitleFont, TitleSize));
            if (document.Number is { Length: > 0 } number)
            {
                body.Append(Paragraph(number, JustificationValues.Center, BodyFont, BodySize));
            }

            body.Append(Empty());
            if (document.Addressee.Length > 0)
            {
                body.Append(Paragraph(document.Addressee, JustificationValues.Left, BodyFont, BodySize));
            }

            for (var i = 0; i < document.Paragraphs.Count; i++)
            {
                var text = document.Paragraphs[i];
                var heading = OfficialDocument.IsHeading(text);
                body.Append(Paragraph(text, JustificationValues.Both, heading ? HeadingFont : BodyFont, BodySize, firstLineIndent: true));
                foreach (var table in document.TablesAfter(i))
                {
                    body.Append(Paragraph(table.Caption, JustificationValues.Center, HeadingFont, TableSize));
                    body.Append(Table(table));
                }
            }

            foreach (var line in document.SignatureLines ?? [])
            {
                body.Append(Paragraph(line, JustificationValues.Left, BodyFont, BodySize, firstLineIndent: true));
            }

            // Room for the seal: the body's name and the date sit over it (印章端正、居中下压发文机关署名和成文日期).
            body.Append(Empty(), Empty());
            body.Append(Paragraph(document.Issuer, JustificationValues.Right, BodyFont, BodySize, rightIndent: Character * 4));
            body.Append(Paragraph(document.Date, JustificationValues.Right, BodyFont, BodySize, rightIndent: Character * 4));
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(oddFooter) },
                new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(evenFooter) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 1247, Gutter = 0 },
                new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch }));
            main.Document = new Document(body);
        }
    }

    private static Paragraph Paragraph(string text, JustificationValues align, string font, string size, bool firstLineIndent = false,
                                       int rightIndent = 0, string? color = null, int spacingAfter = 0)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Line = LinePitch.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, After = spacingAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            Indent(firstLineIndent ? Character * 2 : 0, rightIndent),
            new Justification { Val = align });
        var run = new Run(RunProperties(font, size, color), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(properties, run);
    }

    // A4 less the left and right margins, in twips.
    private const int TextWidth = 11906 - 1588 - 1474;

    /// <summary>
    /// A bordered table across the text width; the first column (the names) twice as wide as each figure column unless
    /// the table gives its own weights, since without a grid Word and LibreOffice give every column the same width.
    /// </summary>
    private static Table Table(DocumentTable source)
    {
        var weights = source.Weights is { } given && given.Count == source.Headers.Count ? given.ToArray() : source.Headers.Select((_, i) => i == 0 ? 2 : 1).ToArray();
        var widths = weights.Select(w => TextWidth * w / weights.Sum()).ToArray();
        string Twips(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(widths.Sum()) },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));
        TableRow Row(IEnumerable<string> cells, bool header) => new(cells.Select((c, i) => new TableCell(
            new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(widths[i]) }),
            new Paragraph(
                new ParagraphProperties(new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Exact }, new Justification { Val = JustificationValues.Center }),
                new Run(RunProperties(header ? HeadingFont : BodyFont, TableSize), new Text(c) { Space = SpaceProcessingModeValues.Preserve })))));
        table.Append(Row(source.Headers, header: true));
        foreach (var row in source.Rows)
        {
            table.Append(Row(row, header: false));
        }

        if (source.Rows.Count == 0)
        {
            table.Append(Row(source.Headers.Select((_, i) => i == 0 ? "无" : ""), header: false));
        }

        return table;
    }

    private static Indentation Indent(int firstLine, int right)
    {
        var indentation = new Indentation();
        if (firstLine > 0)
        {
            indentation.FirstLine = firstLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (right > 0)
        {
            indentation.Right = right.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return indentation;
    }

    private static RunProperties RunProperties(string font, string size, string? color = null)
    {
        var properties = new RunProperties(new RunFonts { Ascii = font == BodyFont ? "Times New Roman" : font, HighAnsi = font == BodyFont ? "Times New Roman" : font, EastAsia = font, ComplexScript = font });
        if (color is not null)
        {
            properties.Append(new Color { Val = color });
        }

        if (size == BodySize)
        {
            properties.Append(new Spacing { Val = Tracking });
        }

        properties.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size }, new Languages { Val = "en-US", EastAsia = "zh-CN" });
        return properties;
    }

    private static Paragraph Empty() =>
        new(new ParagraphProperties(new SpacingBetweenLines { Line = LinePitch.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact }),
            new Run(RunProperties(BodyFont, BodySize)));

    /// <summary>The red rule under the letterhead (版头中的分隔线), as the bottom border of an empty line.</summary>
    private static Paragraph Rule() =>
        new(new ParagraphProperties(
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 18, Color = Red, Space = 1 }),
                new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Exact }),
            new Run(RunProperties(BodyFont, "8")));

    private static FooterPart AddFooter(MainDocumentPart main, JustificationValues side)
    {
        var part = main.AddNewPart<FooterPart>();
        var indent = side == JustificationValues.Right
            ? new Indentation { Right = Character.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : new Indentation { Left = Character.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Run Text(string text) => new(RunProperties(NumberFont, PageNumberSize), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        Run Field(FieldCharValues type) => new(RunProperties(NumberFont, PageNumberSize), new FieldChar { FieldCharType = type });
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(indent, new Justification { Val = side }),
            Text("— "),
            Field(FieldCharValues.Begin),
            new Run(RunProperties(NumberFont, PageNumberSize), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            Field(FieldCharValues.Separate),
            Text("1"),
            Field(FieldCharValues.End),
            Text(" —")));
        return part;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = BodyFont, ComplexScript = BodyFont },
                    new FontSize { Val = BodySize }, new FontSizeComplexScript { Val = BodySize },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = LinePitch.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
    }

    private static void AddFontTable(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        part.Fonts = new DocumentFormat.OpenXml.Wordprocessing.Fonts(Fonts.Select(f =>
            new Font(
                new AltName { Val = f.AltName },
                new FontCharSet { Val = f.Name == "Times New Roman" ? "00" : "86" },
                new FontFamily { Val = FontFamilyValues.Roman },
                new Pitch { Val = FontPitchValues.Variable }) { Name = f.Name }));
    }
}
