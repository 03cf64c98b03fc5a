using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Notices;

public sealed record TemplateInput(string? Title, string? Addressee, string? Body);

public sealed record TemplateSummary(string Key, string Name, int Version, string Title, DateTime UpdatedAt, string UpdatedBy);

public sealed record TemplateVersionView(Guid Id, int Version, string Title, string Addressee, string Body, DateTime CreatedAt, string CreatedBy);

public sealed record TemplateView(string Key, string Name, IReadOnlyList<string> Fields, TemplateVersionView Current, IReadOnlyList<TemplateVersionView> Versions);

/// <summary>
/// The wording of every document, as data: seeded from <c>Documents/notice-templates.json</c> on first start, edited by
/// an administrator as new versions (the old ones stay, issued notices point at theirs), checked on save.
/// </summary>
public sealed class TemplateStore(XinfangDb db, Staff staff, TimeProvider time)
{
    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var current = await CurrentQuery().ToListAsync(cancellationToken);
        return NoticeFields.TemplateKeys
            .Select(key => current.FirstOrDefault(t => t.Key == key) is { } t ? new TemplateSummary(key, NameOf(key), t.Version, t.Title, t.CreatedAt, t.CreatedBy) : null)
            .OfType<TemplateSummary>()
            .ToList();
    }

    public async Task<Result<TemplateView>> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var versions = await db.Set<NoticeTemplateRecord>().AsNoTracking().Where(t => t.Key == key).OrderByDescending(t => t.Version).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return Error.NotFound("template.not-found", $"没有名为“{key}”的文书模板。");
        }

        var views = versions.Select(v => new TemplateVersionView(v.Id, v.Version, v.Title, v.Addressee, v.Body, v.CreatedAt, v.CreatedBy)).ToList();
        return new TemplateView(key, NameOf(key), NoticeFields.For(key), views[0], views);
    }

    /// <summary>Saves a new version, refusing wording that uses a field this kind of document does not carry.</summary>
    public async Task<Result<TemplateView>> SaveAsync(string key, TemplateInput input, CancellationToken cancellationToken = default)
    {
        var text = new NoticeTemplateText(input.Title?.Trim() ?? "", input.Addressee?.Trim() ?? "", input.Body?.Trim() ?? "");
        if (NoticeTemplates.Check(key, text) is { } invalid)
        {
            return invalid;
        }

        await using var transaction = await db.BeginSerializedAsync(cancellationToken);
        var latest = await db.Set<NoticeTemplateRecord>().Where(t => t.Key == key).MaxAsync(t => (int?)t.Version, cancellationToken) ?? 0;
        db.Add(new NoticeTemplateRecord
        {
            Id = Guid.CreateVersion7(), Key = key, Version = latest + 1, Title = text.Title, Addressee = text.Addressee, Body = text.Body,
            CreatedAt = time.GetUtcNow().UtcDateTime, CreatedBy = staff.UserName,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(key, cancellationToken);
    }

    /// <summary>The version in force of each template: the highest.</summary>
    private IQueryable<NoticeTemplateRecord> CurrentQuery() =>
        db.Set<NoticeTemplateRecord>().AsNoTracking()
            .Where(t => t.Version == db.Set<NoticeTemplateRecord>().Where(o => o.Key == t.Key).Max(o => o.Version));

    public static string NameOf(string key) => key switch
    {
        NoticeFields.DeliveryReceipt => "送达回执",
        NoticeFields.ReminderLetter => "提醒函",
        NoticeFields.SupervisionLetter1 => "督办函（一级）",
        NoticeFields.SupervisionLetter2 => "督办函（二级，挂牌督办）",
        NoticeFields.SuggestionLetter => "三项建议函",
        _ when NoticeFields.KindOf(key) is { } kind => kind.ToChinese() + VariantName(key),
        _ => key,
    };

    private static string VariantName(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return "";
        }

        var variant = key[(dot + 1)..];
        return NoticeFields.KindOf(key) == NoticeKind.RouteNotice
            ? $"（{Enum.GetValues<RouteChannel>().First(c => NoticeTemplates.Kebab(c.ToString()) == variant).ToChinese()}）"
            : $"（{Enum.GetValues<DeclineReason>().First(r => NoticeTemplates.Kebab(r.ToString()) == variant).ToChinese()}）";
    }

    private sealed record SeedFile(int Version, Dictionary<string, NoticeTemplateText> Templates);

    /// <summary>Adds the shipped wording of every template that has none yet: a new kind arrives on upgrade, an edited one is kept.</summary>
    public static async Task SeedAsync(XinfangDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var existing = (await db.Set<NoticeTemplateRecord>().Select(t => t.Key).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var seed = Shipped();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var key in NoticeFields.TemplateKeys.Where(k => !existing.Contains(k)))
        {
            var text = seed[key];
            db.Add(new NoticeTemplateRecord
            {
                Id = Guid.CreateVersion7(), Key = key, Version = 1, Title = text.Title, Addressee = text.Addressee, Body = text.Body, CreatedAt = now, CreatedBy = "system",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The wording that ships with the product, keyed by template.</summary>
    public static IReadOnlyDictionary<string, NoticeTemplateText> Shipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Xinfang.Web.Documents.notice-templates.json")
            ?? throw new InvalidOperationException("The shipped notice templates are missing from the assembly.");
        var file = JsonSerializer.Deserialize<SeedFile>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The shipped notice templates are empty.");
        return file.Templates;
    }
}
