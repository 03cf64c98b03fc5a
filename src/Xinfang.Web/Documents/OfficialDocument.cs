namespace Xinfang.Web.Documents;

/// <summary>
/// An official document (公文) as text, before layout: the issuing body (its name is the red letterhead and the
/// signature), the 文号, the title, the addressee, the body paragraphs and the date. Notices, supervision letters, the
/// statistics report and the prevention analysis all become one of these; <see cref="DocxWriter"/> lays it out as
/// GB/T 9704-2012 asks and the print view shows the same text in HTML.
/// </summary>
/// <param name="Issuer">发文机关 (e.g. 西安市阎良区信访局): the letterhead and the signature.</param>
/// <param name="Number">发文字号 (e.g. 阎信受〔2025〕12号), printed under the title; null for a form.</param>
/// <param name="Date">成文日期 in Chinese (2025年3月4日).</param>
/// <param name="SignatureLines">Extra lines at the foot before the date, e.g. the recipient's signature on a 送达回执.</param>
/// <param name="Tables">Tables of figures, each placed after the body paragraph it belongs to (the annual report).</param>
public sealed record OfficialDocument(
    string Issuer,
    string? Number,
    string Title,
    string Addressee,
    IReadOnlyList<string> Paragraphs,
    string Date,
    bool Letterhead = true,
    IReadOnlyList<string>? SignatureLines = null,
    IReadOnlyList<DocumentTable>? Tables = null)
{
    /// <summary>The tables that follow the paragraph at <paramref name="index"/>.</summary>
    public IEnumerable<DocumentTable> TablesAfter(int index) => (Tables ?? []).Where(t => t.AfterParagraph == index);

    /// <summary>A first-level heading of the body (一、…), set in 黑体 as GB/T 9704 asks for 结构层次序数 of the first level.</summary>
    public static bool IsHeading(string paragraph) =>
        paragraph.Length is > 2 and <= 30 && "一二三四五六七八九十".Contains(paragraph[0]) && paragraph[1] == '、'
        && !paragraph.TrimEnd('。').Contains('。');
}

/// <summary>A table in an official document: its caption above it, a header row, the rows; after paragraph <see cref="AfterParagraph"/>.</summary>
/// <param name="Weights">Relative column widths; by default the first column (the names) is twice each other one. A table
/// with a long text column and dates beside it (the analysis's longest-open items) gives its own.</param>
public sealed record DocumentTable(int AfterParagraph, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows,
                                   IReadOnlyList<int>? Weights = null);
