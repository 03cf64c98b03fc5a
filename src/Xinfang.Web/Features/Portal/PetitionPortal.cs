using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Attachments;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Portal;

/// <summary>
/// The body of <c>POST /api/v1/public/petitions</c>: the registration form of <c>POST /matters</c> plus the consent to
/// the privacy notice. What only staff decide (channel, date received, flags, superior assignment, repeat) is not
/// taken from the public: the channel is <c>online</c>, the date today.
/// </summary>
public sealed record PublicPetition(
    bool Consent,
    IReadOnlyList<PetitionerInput>? Petitioners,
    Purpose Purpose,
    string? Title,
    string? Content,
    int Headcount = 1,
    string? CategoryCode = null,
    IReadOnlyList<string>? Demands = null,
    Guid? LocationUnitId = null,
    AccusedInput? Accused = null);

/// <summary>A file the petitioner attached on the form, as uploaded.</summary>
public sealed record PortalFile(string? FileName, byte[] Content);

public sealed record PublicReceipt(string Number, string QueryCode, DateOnly ReceivedOn);

public sealed record PublicEvaluation(string? QueryCode, EvaluationTarget Target, Rating Rating, string? Comment = null);

public sealed record PublicReviewRequest(string? QueryCode, string? Reason = null);

/// <summary>
/// The petitioner's side of the procedure (《信访工作条例》第十七条 online channel, 第二十一条 query and evaluate,
/// 第三十五条、第三十六条 review and recheck): every call proves the query code first; a wrong code and an unknown number
/// get one and the same answer at the same cost, and repeated failures lock the address and the number.
/// </summary>
public sealed class PetitionPortal(XinfangDb db, MatterWorkflow workflow, ReferenceData reference, PortalThrottle throttle, ISmsSender sms,
                                   AttachmentStore attachments, IConfiguration configuration, IHttpContextAccessor http, ILogger<PetitionPortal> log)
{
    /// <summary>The most files one submission carries (<c>Portal:MaxAttachments</c>); the form's request limit allows for them.</summary>
    public const int MaxAttachments = 3;

    /// <summary>The largest file the public may attach (<c>Portal:MaxAttachmentBytes</c>, at most this default).</summary>
    public const long DefaultMaxAttachmentBytes = 5 * 1024 * 1024;

    public long MaxAttachmentBytes => Math.Min(configuration.GetValue("Portal:MaxAttachmentBytes", DefaultMaxAttachmentBytes), DefaultMaxAttachmentBytes);

    public static readonly Error NotFound = Error.NotFound("portal.not-found", "信访件编号或查询码不正确，请核对回执或短信中的编号和查询码。");

    public static readonly Error ConsentRequired =
        Error.Validation("portal.consent-required", "请阅读《个人信息保护告知》并勾选同意后再提交。", "consent");

    private static readonly string DecoyHash = QueryCode.Hash("decoy", "decoy");

    private string Address => http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "local";

    public Error Locked => Error.Rule("portal.too-many-attempts", "查询失败次数过多",
        $"查询码多次输入错误，为保护信访人信息，请 {throttle.Lockout.TotalMinutes:0} 分钟后再试；忘记查询码的，请持身份证件到信访部门查询。");

    public static readonly Error TooManySubmissions = Error.Rule("portal.too-many-submissions", "提交过于频繁",
        "同一网络地址提交次数过多，请稍后再试，或拨打信访部门电话、来信来访反映。");

    public async Task<Result<PublicReceipt>> SubmitAsync(PublicPetition petition, string? idempotencyKey, IReadOnlyList<PortalFile>? files = null,
                                                         CancellationToken cancellationToken = default)
    {
        var bureau = await BureauAsync(cancellationToken);
        if (bureau is null)
        {
            return Error.Rule("portal.no-bureau", "网上信访暂不可用", "组织机构中没有信访部门，请系统管理员先设置。");
        }

        var input = new RegistrationInput(Channel.Online, workflow.Today, petition.Petitioners ?? [], petition.Purpose, petition.Title, petition.Content,
            petition.Headcount, petition.CategoryCode, petition.Demands, petition.LocationUnitId, petition.Accused);
        if (await PortalErrorsAsync(petition, input, bureau, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        if (!(await CheckFilesAsync(files ?? [], cancellationToken)).TryGet(out var checkedFiles, out var badFile))
        {
            return badFile;
        }

        if (!throttle.TrySubmit(Address))
        {
            return TooManySubmissions;
        }

        // The files are stored with the matter, in its transaction: a petition is never registered with half of them.
        void AddFiles(Matter matter) =>
            db.AddRange(checkedFiles.Select(f => attachments.New(matter.Id, KindOf(f.File.ContentType), f.File, f.Content, MatterWorkflow.OnlineRegistrar, bureau.Id)));
        if (!(await workflow.RegisterOnlineAsync(input, bureau.Id, idempotencyKey, AddFiles, cancellationToken)).TryGet(out var view, out var error))
        {
            return error;
        }

        // A replayed submission carries the code of the first answer; only a new registration sends the text message.
        var receipt = new PublicReceipt(view.Number, view.QueryCode!, view.ReceivedOn);
        await sms.SendAsync(petition.Petitioners![0].Phone!,
            $"【{bureau.Name}】您的网上信访已登记，信访件编号 {receipt.Number}，查询码 {receipt.QueryCode}。请凭编号和查询码在网上信访平台查询办理进展。",
            cancellationToken);
        return receipt;
    }

    public async Task<Result<PortalProgress>> ProgressAsync(string? number, string? queryCode, CancellationToken cancellationToken = default)
    {
        if (!(await ProveAsync(number, queryCode, cancellationToken)).TryGet(out var matter, out var error))
        {
            return error;
        }

        return PortalProgress.Of(matter, await workflow.ContextAsync(cancellationToken));
    }

    public async Task<Result<PortalProgress>> EvaluateAsync(string? number, PublicEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        if (!(await ProveAsync(number, evaluation.QueryCode, cancellationToken)).TryGet(out var matter, out var error))
        {
            return error;
        }

        if (evaluation.Comment is { Length: > 1000 })
        {
            return Error.Validation("portal.comment-too-long", "评价意见不超过 1000 字。", "comment");
        }

        return await ThenProgressAsync(await workflow.ActForPetitionerAsync(matter.Id, new Evaluate(evaluation.Target, evaluation.Rating, evaluation.Comment), cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// A review request, or a recheck request once there is a review opinion (第三十五条、第三十六条). After the window
    /// the request is refused and the refusal notice the law calls for is issued at once, for the petitioner to read here.
    /// </summary>
    public async Task<Result<PortalProgress>> RequestReviewAsync(string? number, PublicReviewRequest request, CancellationToken cancellationToken = default)
    {
        if (!(await ProveAsync(number, request.QueryCode, cancellationToken)).TryGet(out var matter, out var error))
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Error.Validation("portal.reason-required", "请写明不服处理意见的理由和请求。", "reason");
        }

        if (request.Reason.Length > Limits.Content)
        {
            return Error.Validation("portal.reason-too-long", $"理由不超过 {Limits.Content} 字。", "reason");
        }

        MatterCommand command = matter.ReviewOpinion is null ? new RequestReview(request.Reason) : new RequestRecheck(request.Reason);
        var result = await workflow.ActForPetitionerAsync(matter.Id, command, cancellationToken);
        if (result.Error is { Code: "matter.deadline-passed" } late)
        {
            var declined = await workflow.DeclineLateForPetitionerAsync(matter.Id, cancellationToken);
            return declined.IsSuccess ? late : declined.Error!;
        }

        return await ThenProgressAsync(result, cancellationToken);
    }

    /// <summary>A notice addressed to the petitioner, as issued (the stored Word file), once the code is proved.</summary>
    public async Task<Result<(string FileName, byte[] Content)>> NoticeAsync(string? number, string? queryCode, Guid noticeId, CancellationToken cancellationToken = default)
    {
        if (!(await ProveAsync(number, queryCode, cancellationToken)).TryGet(out var matter, out var error))
        {
            return error;
        }

        var notice = matter.Notices.FirstOrDefault(n => n.Id == noticeId && n.Recipient == Recipient.Petitioner);
        if (notice is null)
        {
            return Error.NotFound("portal.notice-not-found", "没有这份文书。");
        }

        var content = await db.Set<NoticeDocument>().AsNoTracking().Where(d => d.NoticeId == notice.Id).Select(d => d.Content).SingleAsync(cancellationToken);
        return ($"{notice.Kind.ToChinese()}-{notice.Number}.docx", content);
    }

    /// <summary>
    /// What only the portal asks (consent, a mobile number for the text message) together with every field error the
    /// registration itself would give, so that an empty form is answered with all of its errors at once.
    /// </summary>
    private async Task<Error?> PortalErrorsAsync(PublicPetition petition, RegistrationInput input, Unit bureau, CancellationToken cancellationToken)
    {
        var own = new Dictionary<string, string[]>();
        if (!petition.Consent)
        {
            own["consent"] = [ConsentRequired.Detail];
        }

        if (petition.Petitioners is not [{ Phone: { Length: > 0 } }, ..])
        {
            own["petitioners[0].phone"] = [PhoneRequired];
        }

        if (own.Count == 0)
        {
            return null;
        }

        var registration = Registration.Register(input, "", "", bureau.Id, await workflow.ContextAsync(cancellationToken)).Error?.Fields ?? new Dictionary<string, string[]>();
        var fields = own.Concat(registration.Where(f => !own.ContainsKey(f.Key))).ToDictionary();
        return petition.Consent
            ? Error.Validation("portal.phone-required", PhoneRequired, fields)
            : Error.Validation(ConsentRequired.Code, ConsentRequired.Detail, fields);
    }

    /// <summary>Every file passes the staff upload's checks, with the portal's smaller size, before anything is registered.</summary>
    private async Task<Result<IReadOnlyList<(CheckedFile File, byte[] Content)>>> CheckFilesAsync(IReadOnlyList<PortalFile> files, CancellationToken cancellationToken)
    {
        if (files.Count > MaxAttachments)
        {
            return Error.Validation("portal.too-many-attachments", $"最多上传 {MaxAttachments} 个附件。", Attachments);
        }

        var checkedFiles = new List<(CheckedFile, byte[])>();
        foreach (var file in files)
        {
            if (!(await attachments.CheckAsync(file.FileName, file.Content, MaxAttachmentBytes, cancellationToken)).TryGet(out var ok, out var bad))
            {
                var detail = $"附件“{file.FileName}”：{bad.Detail}";
                return bad with { Detail = detail, Fields = new Dictionary<string, string[]> { [Attachments] = [detail] } };
            }

            checkedFiles.Add((ok, file.Content));
        }

        return checkedFiles;
    }

    private const string Attachments = "attachments";

    private static AttachmentKind KindOf(string contentType) =>
        contentType.StartsWith("image/", StringComparison.Ordinal) ? AttachmentKind.Photo
        : contentType.StartsWith("audio/", StringComparison.Ordinal) ? AttachmentKind.Audio
        : AttachmentKind.Letter;

    private const string PhoneRequired = "请填写手机号码，查询码将以短信发送。";

    private async Task<Result<PortalProgress>> ThenProgressAsync(Result<Matter> acted, CancellationToken cancellationToken) =>
        acted.TryGet(out var matter, out var error) ? PortalProgress.Of(matter, await workflow.ContextAsync(cancellationToken)) : error;

    /// <summary>
    /// The matter, if the code is its own. An unknown number is checked against a decoy hash so that it costs what a
    /// wrong code costs, and both are counted, audited and answered with <see cref="NotFound"/>.
    /// </summary>
    private async Task<Result<Matter>> ProveAsync(string? number, string? queryCode, CancellationToken cancellationToken)
    {
        var typed = (number ?? "").Trim();
        var address = Address;
        if (throttle.IsLocked(address, typed))
        {
            return Locked;
        }

        var matter = typed.Length is > 0 and <= 40
            ? await MatterWorkflow.Load(db.Matters, tracking: false).SingleOrDefaultAsync(m => m.Number == typed, cancellationToken)
            : null;
        var matches = QueryCode.Matches(matter?.Number ?? "decoy", queryCode ?? "", matter?.QueryCodeHash ?? DecoyHash) && matter is not null;
        if (matches)
        {
            throttle.Succeed(typed);
            return matter!;
        }

        var locked = throttle.Fail(address, typed);
        db.RecordEvent(locked ? "portal-query-locked" : "portal-query-failed", nameof(Matter), matter?.Id.ToString() ?? "",
            $"网上查询失败：编号“{Truncate(typed)}”，来自 {address}");
        await db.SaveChangesAsync(cancellationToken);
        log.LogInformation("Portal query failed for {Number} from {Address}", Truncate(typed), address);
        return NotFound;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40];

    /// <summary>The bureau online petitions are registered at: <c>Portal:BureauCode</c>, else the one active 信访部门.</summary>
    public async Task<Unit?> BureauAsync(CancellationToken cancellationToken = default)
    {
        var units = (await reference.CurrentAsync(cancellationToken)).Units.Values.Where(u => u.IsActive && u.Kind == UnitKind.Bureau).ToList();
        var code = configuration["Portal:BureauCode"];
        return string.IsNullOrWhiteSpace(code) ? units.OrderBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault() : units.FirstOrDefault(u => u.Code == code);
    }
}
