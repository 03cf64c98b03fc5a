using Microsoft.Playwright;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// The portal's accessibility pass, a check of our own after WCAG 2.1 AA: every form control has a label, every link
/// and button a name, one h1 and no skipped heading level, the page's language is set, and all text has a contrast
/// of at least 4.5:1 (3:1 for large text) against the background it is drawn on. It reads the rendered page, so it
/// sees the stylesheet as the browser applied it.
/// </summary>
public static class AccessibilityCheck
{
    private const string Script = """
        () => {
          const problems = [];
          const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length) && getComputedStyle(el).visibility !== 'hidden';
          const name = el => (el.getAttribute('aria-label') || el.textContent || el.value || '').trim();
          if (!document.documentElement.lang) problems.push('html has no lang');
          for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
            if (!visible(el)) continue;
            const labelled = (el.labels && el.labels.length > 0 && [...el.labels].some(l => l.textContent.trim())) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
            if (!labelled) problems.push('control without label: ' + (el.id || el.name));
          }
          for (const el of document.querySelectorAll('a[href], button')) {
            if (visible(el) && !name(el)) problems.push('link or button without a name: ' + el.outerHTML.slice(0, 80));
          }
          const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(visible).map(h => +h.tagName[1]);
          if (headings.filter(h => h === 1).length !== 1) problems.push('expected one h1, found ' + headings.filter(h => h === 1).length);
          headings.forEach((h, i) => { if (i > 0 && h > headings[i - 1] + 1) problems.push('heading level skipped: h' + headings[i - 1] + ' to h' + h); });
          const rgb = c => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
          const lum = ({ r, g, b }) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          // The colours text may be drawn on: the nearest opaque background colour, or every stop of a gradient (the
          // staff pages' header), of which the worst counts.
          const backgrounds = el => { for (let e = el; e; e = e.parentElement) { const s = getComputedStyle(e); if (s.backgroundImage.includes('gradient')) return s.backgroundImage.match(/rgba?\([^)]*\)/g).map(rgb); const c = rgb(s.backgroundColor); if (c.a > 0.5) return [c]; } return [{ r: 255, g: 255, b: 255, a: 1 }]; };
          for (const el of document.querySelectorAll('body *')) {
            if (!visible(el) || ![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
            const style = getComputedStyle(el);
            const fg = rgb(style.color);
            const ratio = Math.min(...backgrounds(el).map(bg => { const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a); return (l1 + 0.05) / (l2 + 0.05); }));
            const size = parseFloat(style.fontSize), bold = +style.fontWeight >= 700;
            const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            if (ratio < needed) problems.push(`contrast ${ratio.toFixed(2)} < ${needed} on "${el.textContent.trim().slice(0, 20)}"`);
          }
          return problems;
        }
        """;

    public static async Task AssertAsync(IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>(Script);
        Assert.True(problems.Length == 0, $"{page.Url}:\n" + string.Join("\n", problems));
    }
}
