using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Attachments;

public sealed record AttachmentView(Guid Id, Guid MatterId, Guid? NoticeId, AttachmentKind Kind, string FileName, string ContentType, long Length, string Sha256,
                                    DateTime UploadedAt, string UploadedBy);

/// <summary>A file that passed <see cref="AttachmentStore.CheckAsync"/>: its clean name and the type its content showed.</summary>
public sealed record CheckedFile(string Name, string ContentType);

public sealed record AttachmentUpload(string? FileName, long Length, Stream Content, AttachmentKind Kind, Guid? NoticeId);

/// <summary>
/// Files on matters, under the matter's rules: only staff who see the matter see or add its files, and the files of
/// an accusation only those who may know the accuser (第三十条第三款) — the accused unit never receives them.
/// </summary>
public sealed class AttachmentStore(XinfangDb db, Staff staff, TimeProvider time, IAttachmentScanner scanner, IConfiguration configuration)
{
    public long MaxBytes => configuration.GetValue("Attachments:MaxBytes", AttachmentRules.DefaultMaxBytes);

    public async Task<Result<AttachmentView>> UploadAsync(Guid matterId, AttachmentUpload upload, CancellationToken cancellationToken = default)
    {
        if (await MatterAsync(matterId, cancellationToken) is not { } matter)
        {
            return NotFound();
        }

        if (!Confidentiality.MaySeeIdentity(matter.Purpose, matter.ReferredTo, staff.Actor))
        {
            return Withheld();
        }

        // The declared length is checked before the content is read, so an oversized upload is never buffered.
        if (upload.Length <= 0)
        {
            return Empty;
        }

        if (upload.Length > MaxBytes)
        {
            return TooLarge(upload.Length, MaxBytes);
        }

        if (upload.NoticeId is { } noticeId && !await db.Set<Notice>().AnyAsync(n => n.Id == noticeId && n.MatterId == matterId, cancellationToken))
        {
            return Error.Validation("attachment.notice-not-found", "所选文书不属于该事项。", "noticeId");
        }

        if (upload.Kind == AttachmentKind.DeliveryReceipt && upload.NoticeId is null)
        {
            return Error.Validation("attachment.notice-required", "送达回执须注明是哪一份文书的回执。", "noticeId");
        }

        using var buffer = new MemoryStream((int)upload.Length);
        await upload.Content.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        if (!(await CheckAsync(upload.FileName, content, MaxBytes, cancellationToken)).TryGet(out var checkedFile, out var refused))
        {
            return refused;
        }

        var attachment = New(matterId, upload.Kind, checkedFile, content, staff.UserName, staff.UnitId);
        attachment.NoticeId = upload.NoticeId;
        db.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return View(attachment);
    }

    /// <summary>
    /// The checks every file passes before anything is stored, whoever sends it (staff here, the petitioner on the
    /// portal): not empty, not above <paramref name="maxBytes"/>, a clean name, a type its content shows, the scanner.
    /// </summary>
    public async Task<Result<CheckedFile>> CheckAsync(string? fileName, byte[] content, long maxBytes, CancellationToken cancellationToken = default)
    {
        if (content.Length == 0)
        {
            return Empty;
        }

        if (content.Length > maxBytes)
        {
            return TooLarge(content.Length, maxBytes);
        }

        if (!AttachmentRules.Name(fileName).TryGet(out var name, out var badName))
        {
            return badName;
        }

        if (AttachmentRules.Sniff(content) is not { } type)
        {
            return Error.Validation("attachment.type-not-allowed", $"只能上传 {AttachmentRules.Allowed}：该文件的内容不是其中任何一种（按文件内容判断，不看扩展名）。", "file");
        }

        if (await scanner.ScanAsync(content, cancellationToken) is { } infected)
        {
            return Error.Rule("attachment.rejected-by-scanner", "文件未通过安全检查", infected);
        }

        return new CheckedFile(name, type.Type);
    }

    /// <summary>The row of a checked file, for the caller to add in its own transaction.</summary>
    public Attachment New(Guid matterId, AttachmentKind kind, CheckedFile file, byte[] content, string by, Guid byUnit) => new()
    {
        Id = Guid.CreateVersion7(), MatterId = matterId, Kind = kind, FileName = file.Name, ContentType = file.ContentType,
        Length = content.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content,
        UploadedAt = time.GetUtcNow().UtcDateTime, UploadedBy = by, UploadedByUnitId = byUnit,
    };

    public async Task<Result<IReadOnlyList<AttachmentView>>> ListAsync(Guid matterId, CancellationToken cancellationToken = default)
    {
        if (await MatterAsync(matterId, cancellationToken) is not { } matter)
        {
            return NotFound();
        }

        if (!Confidentiality.MaySeeIdentity(matter.Purpose, matter.ReferredTo, staff.Actor))
        {
            return new List<AttachmentView>();
        }

        var rows = await db.Set<Attachment>().AsNoTracking().Where(a => a.MatterId == matterId).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentView(a.Id, a.MatterId, a.NoticeId, a.Kind, a.FileName, a.ContentType, a.Length, a.Sha256, a.UploadedAt, a.UploadedBy))
            .ToListAsync(cancellationToken);
        return rows;
    }

    public async Task<Result<Attachment>> ContentAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var attachment = await db.Set<Attachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null || await MatterAsync(attachment.MatterId, cancellationToken) is not { } matter)
        {
            return NotFound();
        }

        return Confidentiality.MaySeeIdentity(matter.Purpose, matter.ReferredTo, staff.Actor) ? attachment : Withheld();
    }

    private sealed record MatterFacts(Purpose Purpose, Guid? ReferredTo);

    private Task<MatterFacts?> MatterAsync(Guid matterId, CancellationToken cancellationToken) =>
        db.VisibleMatters(staff).Where(m => m.Id == matterId).Select(m => new MatterFacts(m.Purpose, m.ReferredToUnitId)).SingleOrDefaultAsync(cancellationToken);

    private static AttachmentView View(Attachment a) =>
        new(a.Id, a.MatterId, a.NoticeId, a.Kind, a.FileName, a.ContentType, a.Length, a.Sha256, a.UploadedAt, a.UploadedBy);

    private static readonly Error Empty = Error.Validation("attachment.empty", "文件是空的，请重新选择。", "file");

    private static Error TooLarge(long length, long max) =>
        Error.Validation("attachment.too-large", $"文件大小 {Megabytes(length)} MB，超过上限 {Megabytes(max)} MB。", "file");

    private static Error NotFound() => Error.NotFound("attachment.not-found", "附件或事项不存在，或不在您的办理范围内。");

    private static Error Withheld() =>
        Error.Forbidden("attachment.identity-withheld", "检举控告事项的材料载有检举控告人信息，依法保密，您无权查看或上传（《信访工作条例》第三十条）。");

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
