namespace Xinfang.Web.Infrastructure;

/// <summary>The media types of the Office files Xinfang writes: Word documents and Excel exports.</summary>
public static class OfficeFiles
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
