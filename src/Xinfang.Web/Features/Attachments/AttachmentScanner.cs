namespace Xinfang.Web.Features.Attachments;

/// <summary>
/// The hook for a virus scanner: every upload passes through it before anything is stored. A deployment plugs in
/// its own (e.g. one that asks a ClamAV daemon) by registering another implementation.
/// </summary>
public interface IAttachmentScanner
{
    /// <summary>Null when the file is clean; otherwise why it is refused, in Chinese.</summary>
    Task<string?> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}

/// <summary>
/// The scanner when none is configured: it refuses only the EICAR test file, the industry's harmless stand-in for a
/// virus, so that the hook itself can be checked end to end in every installation.
/// </summary>
public sealed class EicarOnlyScanner : IAttachmentScanner
{
    private static readonly byte[] Eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"u8.ToArray();

    public Task<string?> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        Task.FromResult(content.Span.IndexOf(Eicar) >= 0 ? "文件未通过病毒检查（检出 EICAR 测试病毒特征），未保存。" : null);
}
