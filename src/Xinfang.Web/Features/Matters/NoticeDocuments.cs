using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;
using Xinfang.Web.Documents;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// Writes the Word document of each notice as it is issued, in the same transaction as the step that issues it, with
/// the template version in force: from then on the notice's bytes are fixed (the issue is final).
/// </summary>
public static class NoticeDocuments
{
    public static async Task WriteAsync(XinfangDb db, IReadOnlyList<Notice> issued, EventDetails? details, CancellationToken cancellationToken)
    {
        // A batch of letters shares a handful of templates: each is read once per call.
        var templates = new Dictionary<string, NoticeTemplateRecord>(StringComparer.Ordinal);
        foreach (var notice in issued)
        {
            var keys = NoticeTemplates.KeysFor(notice.Kind, details).ToList();
            var cacheKey = string.Join('|', keys);
            if (!templates.TryGetValue(cacheKey, out var template))
            {
                template = await CurrentTemplateAsync(db, keys, cancellationToken)
                    ?? throw new InvalidOperationException($"No template for {notice.Kind}: the seed adds one for every kind.");
                templates[cacheKey] = template;
            }

            var content = DocxWriter.Write(Compose(template.Text, FieldsOf(notice)));
            db.Add(new NoticeDocument
            {
                NoticeId = notice.Id, TemplateId = template.Id, Content = content, Length = content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            });
        }
    }

    /// <summary>
    /// Notices issued before documents were stored get theirs once, from the kind's template: from then on they too
    /// are fixed. One batch at a time (<see cref="NoticeDocumentBackfill"/> runs them after start-up, so that an upgrade
    /// of a large database does not hold the start for the whole backfill); returns how many were found and whether
    /// they were stored.
    /// </summary>
    public static async Task<(int Found, bool Stored)> BackfillAsync(XinfangDb db, int batchSize, CancellationToken cancellationToken)
    {
        var missing = await db.Set<Notice>().AsNoTracking().Where(n => !db.Set<NoticeDocument>().Any(d => d.NoticeId == n.Id))
            .OrderBy(n => n.Id).Take(batchSize).ToListAsync(cancellationToken);
        return (missing.Count, await FillAsync(db, missing, cancellationToken));
    }

    /// <summary>
    /// Writes the documents of notices that have none. Another server or reader may write the same ones at the same
    /// time: the key on the notice lets one win, and the loser's copy (the same text) is dropped.
    /// </summary>
    public static async Task<bool> FillAsync(XinfangDb db, IReadOnlyList<Notice> notices, CancellationToken cancellationToken)
    {
        if (notices.Count == 0)
        {
            return true;
        }

        await WriteAsync(db, notices, null, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The first template of <paramref name="keys"/> that exists, in its current version.</summary>
    public static Task<NoticeTemplateRecord?> CurrentTemplateAsync(XinfangDb db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.ToList();
        return db.Set<NoticeTemplateRecord>().AsNoTracking()
            .Where(t => wanted.Contains(t.Key))
            .OrderByDescending(t => t.Key.Length).ThenByDescending(t => t.Version) // a variant is longer than its kind's key
            .FirstOrDefaultAsync(cancellationToken);
    }

    public static IReadOnlyDictionary<string, string> FieldsOf(Notice notice) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(notice.Fields) ?? [];

    /// <summary>The document as text: the template filled with the fields, signed by the issuing unit on the issue date.</summary>
    public static OfficialDocument Compose(NoticeTemplateText template, IReadOnlyDictionary<string, string> fields)
    {
        var filled = NoticeTemplates.Fill(template, fields);
        string Field(string name) => fields.TryGetValue(name, out var value) ? value : "";
        // A correction says so at the head of its body, whatever the template's wording: which notice it replaces and why.
        var paragraphs = fields.TryGetValue(Lifecycle.CorrectsField, out var corrected)
            ? [$"本文书系对{corrected}的更正，原文书自本文书送达之日起作废。更正原因：{Field(Lifecycle.CorrectionReasonField)}", .. filled.Paragraphs]
            : filled.Paragraphs;
        return new OfficialDocument(Field("发文单位"), Field("文号"), filled.Title, filled.Addressee, paragraphs, Field("发文日期"));
    }
}
