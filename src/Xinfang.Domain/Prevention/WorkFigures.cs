namespace Xinfang.Domain.Prevention;

/// <summary>
/// The prevention and order work of a period, as the annual report counts it beside the petitions (第四十一条: the
/// report covers "其他事项"; the bureau's own report counts trainings "14场次、193人次" and publicity "2场"). One record
/// for the report and the activities page, filled by one query, so that the two never disagree.
/// </summary>
/// <param name="Trainings">业务培训 sessions (场次), summed over the trainings held in the period.</param>
/// <param name="TrainingPersons">Person-times trained (人次).</param>
/// <param name="PublicityEvents">宣传活动 held (场).</param>
/// <param name="PublicityReach">People reached by them (人次), as recorded.</param>
/// <param name="LawyerDutyDays">Days with at least one lawyer on duty (律师坐班天数): two lawyers on one day are one day.</param>
/// <param name="LawyerVisitors">Visitors the lawyers on duty received (人次).</param>
/// <param name="LedgerScreened">Ledger items screened in the period (by their screening date).</param>
/// <param name="LedgerResolved">Ledger items resolved in the period (closed as 已化解 within it, whenever screened).</param>
/// <param name="LedgerBecamePetitions">Ledger items that became petitions in the period (closed as 已转信访 within it).</param>
/// <param name="LedgerOpenAtEnd">Ledger items screened by the period's end and not closed by then.</param>
public sealed record WorkFigures(
    int Trainings, int TrainingPersons, int PublicityEvents, int PublicityReach, int LawyerDutyDays, int LawyerVisitors,
    int LedgerScreened, int LedgerResolved, int LedgerBecamePetitions, int LedgerOpenAtEnd);
