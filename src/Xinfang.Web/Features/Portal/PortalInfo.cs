namespace Xinfang.Web.Features.Portal;

/// <summary>
/// What 《信访工作条例》第十八条第一款 requires the bureau to publish: its online address, postal address, complaint
/// telephone, reception times and places, how to query progress and results, and the rules and procedure. Settings
/// under <c>Portal:Info</c>, so a bureau publishes its own without a release.
/// </summary>
public sealed class PortalInfo
{
    public string BureauName { get; set; } = "阎良区信访局";

    public string OnlineAddress { get; set; } = "本网站（网上信访）";

    public string PostalAddress { get; set; } = "陕西省西安市阎良区人民路 1 号 阎良区信访局（邮编 710089）";

    public string Phone { get; set; } = "029-86861234";

    public string ReceptionPlace { get; set; } = "阎良区人民来访接待中心（阎良区人民路 1 号一楼）";

    public string ReceptionTimes { get; set; } = "法定工作日 上午 8:30–12:00，下午 14:30–18:00（夏季 15:00–18:30）";

    public static PortalInfo From(IConfiguration configuration) => configuration.GetSection("Portal:Info").Get<PortalInfo>() ?? new PortalInfo();
}
