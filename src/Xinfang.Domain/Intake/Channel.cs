namespace Xinfang.Domain.Intake;

// 《信访工作条例》第十七条 names five channels (信息网络、书信、电话、传真、走访); a district bureau also receives
// matters transferred or assigned from above (上级交转办) and from the 12345 hotline, which it registers apart.
public enum Channel
{
    Letter,
    Visit,
    Phone,
    Online,
    Fax,
    Superior,
    Hotline,
}
