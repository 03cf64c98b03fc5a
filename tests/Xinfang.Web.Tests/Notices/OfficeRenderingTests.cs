using System.Diagnostics;
using Xinfang.Domain.Matters;
using Xinfang.Web.Documents;
using Xinfang.Web.Features.Matters;
using Xinfang.Web.Features.Notices;
using Xinfang.Web.Tests.Browser;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Notices;

/// <summary>
/// The documents as a reader sees them: converted by LibreOffice to PDF and to PNG (kept under the screenshots folder,
/// <c>documents/</c>), with the Chinese text, the page numbers and the page count checked in the PDF's text.
/// </summary>
public sealed class OfficeRenderingTests(SharedApps apps)
{
    [Theory, DatabaseData]
    public async Task A_handling_opinion_and_a_supervision_letter_render_in_libreoffice_with_chinese_text_and_page_numbers(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(Labour, "handler", "unit-head");
        var matter = await NoticeDocumentTests.ThroughRecheckAsync(app, registrar, unit);
        var opinion = await registrar.Http.GetByteArrayAsync($"/api/v1/notices/{Notice(matter, "handling-opinion").GetProperty("id").GetGuid()}/document.docx");
        var number = Notice(matter, "handling-opinion").GetProperty("number").GetString()!;

        var letter = DocxWriter.Write(NoticeDocuments.Compose(TemplateStore.Shipped()[NoticeFields.SupervisionLetter1], new Dictionary<string, string>
        {
            ["文号"] = "阎信督〔2026〕3号", ["发文日期"] = "2026年3月2日", ["发文单位"] = "西安市阎良区信访局", ["信访件编号"] = "610114-2026-000031",
            ["事项"] = "讨要拖欠工资", ["责任单位"] = "阎良区人力资源和社会保障局", ["期限名称"] = "办理期限", ["到期日期"] = "2026年2月13日",
            ["逾期天数"] = "5", ["反馈期限"] = "2026年3月9日", ["法律依据"] = "《信访工作条例》第四十条",
        }));

        var folder = Path.Combine(BrowserFixture.ScreenshotRoot, "documents", db.ToString());
        var opinionText = await RenderAsync(opinion, folder, "handling-opinion");
        Assert.Contains("信访处理意见书", opinionText);
        Assert.Contains(number, opinionText);
        Assert.Contains("关于“支付拖欠的工资两万元”的诉求", opinionText);
        Assert.Contains("—1—", opinionText);
        Assert.Contains("阎良区人力资源和社会保障局", opinionText); // the issuer, as the organisation tree names it

        var letterText = await RenderAsync(letter, folder, "supervision-letter-1");
        Assert.Contains("信访事项督办函", letterText);
        Assert.Contains("阎信督〔2026〕3号", letterText);
        Assert.Contains("—1—", letterText);
        Assert.True(File.Exists(Path.Combine(folder, "supervision-letter-1-1.png")));
    }

    /// <summary>docx → PDF (LibreOffice, with a profile of its own) → PNG of every page (pdftoppm); returns the PDF's text.</summary>
    internal static async Task<string> RenderAsync(byte[] docx, string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var source = Path.Combine(folder, name + ".docx");
        await File.WriteAllBytesAsync(source, docx);
        var profile = Path.Combine(Path.GetTempPath(), "xinfang-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            await RunAsync("libreoffice", $"-env:UserInstallation=file://{profile} --headless --convert-to pdf --outdir {folder} {source}");
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }

        var pdf = Path.Combine(folder, name + ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice did not write {pdf}");
        await RunAsync("pdftoppm", $"-png -r 60 {pdf} {Path.Combine(folder, name)}");
        // Without the spaces a layout puts between characters, so that phrases can be looked for.
        return System.Text.RegularExpressions.Regex.Replace(await RunAsync("pdftotext", $"{pdf} -"), @"\s+", "");
    }

    private static async Task<string> RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{program} {arguments} failed: {await error}");
        return await output;
    }
}
