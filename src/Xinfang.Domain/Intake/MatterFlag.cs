namespace Xinfang.Domain.Intake;

// Registration flags seen in provincial systems (REFERENCE.md §6.2). Collective visits elect at most five
// representatives (《信访工作条例》第二十条); urgent matters are escalated at once (第二十五条).
public enum MatterFlag
{
    Urgent,
    OverLevel,
    Collective,
    Threat,
    LawRelated,
    FirstTime,
}
