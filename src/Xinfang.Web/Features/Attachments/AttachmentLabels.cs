using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Attachments;

public static class AttachmentLabels
{
    public static string ToChinese(this AttachmentKind kind) => kind switch
    {
        AttachmentKind.Letter => "信访材料",
        AttachmentKind.DeliveryReceipt => "送达回执",
        AttachmentKind.Photo => "照片",
        AttachmentKind.Audio => "录音",
        AttachmentKind.Other => "其他",
    };

    /// <summary>A size as a clerk reads it: 312 KB, 4.2 MB.</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, bytes / 1024)} KB"
        : (bytes / 1024d / 1024d).ToString("0.# MB", System.Globalization.CultureInfo.InvariantCulture);
}
