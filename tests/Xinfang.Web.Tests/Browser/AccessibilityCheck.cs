using Microsoft.Playwright;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// The accessibility pass of every page the browser tests visit, after WCAG 2.1 AA, in two parts. axe-core (npm
/// axe-core 4.14.1, MPL-2.0, kept unmodified in Browser/axe) runs its WCAG 2.0/2.1 A and AA rules on the rendered
/// page. A check of our own adds what axe leaves open or cannot judge: one h1 and no skipped heading level, and text
/// on a gradient (the staff pages' header) measured against every colour stop.
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

    // Evaluated, not added as a script tag: the portal's pages are tested with scripts disabled and a strict CSP.
    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js")));

    // The violations of WCAG 2.0/2.1 A and AA rules, one line each with the first few elements they were found on.
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations', 'passes'] });
          const found = result.violations.map(v => `axe ${v.id} (${v.impact}): ${v.help} — ` + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
          return result.passes.length > 0 || found.length > 0 ? found : ['axe checked nothing on this page'];
        }
        """;

    /// <summary>
    /// Contexts whose pages run no scripts (the portal is tested as a phone without JavaScript): axe cannot run there,
    /// because it waits on timers a page without scripts never fires; our own check still does.
    /// </summary>
    public static void WithoutScripts(IBrowserContext context) => ScriptsDisabled.AddOrUpdate(context, context);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowserContext, IBrowserContext> ScriptsDisabled = [];

    public static async Task AssertAsync(IPage page)
    {
        var problems = (await page.EvaluateAsync<string[]>(Script)).ToList();
        if (ScriptsDisabled.TryGetValue(page.Context, out _))
        {
            Assert.True(problems.Count == 0, $"{page.Url}:\n" + string.Join("\n", problems));
            return;
        }

        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.EvaluateAsync(Axe.Value);
        }

        problems.AddRange(await page.EvaluateAsync<string[]>(RunAxe));
        Assert.True(problems.Count == 0, $"{page.Url}:\n" + string.Join("\n", problems));
    }
}
