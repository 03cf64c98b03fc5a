using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

public sealed record PetitionerInput(string? Name, string? IdNumber = null, string? Phone = null, string? Address = null, bool IsRepresentative = false);

public sealed record AccusedInput(string? Name = null, string? Unit = null, string? Position = null, Guid? UnitId = null);

/// <summary>The registration form (API.md <c>POST /matters</c>); what has no default here must be given.</summary>
public sealed record RegistrationInput(
    Channel Channel,
    DateOnly ReceivedOn,
    IReadOnlyList<PetitionerInput> Petitioners,
    Purpose Purpose,
    string? Title,
    string? Content,
    int Headcount = 1,
    string? CategoryCode = null,
    IReadOnlyList<string>? Demands = null,
    Guid? LocationUnitId = null,
    AccusedInput? Accused = null,
    IReadOnlyList<MatterFlag>? Flags = null,
    SuperiorAssignment? Superior = null,
    Guid? RepeatOf = null);

/// <summary>
/// 凡访必登: every petition on every channel is registered (第二十二条), with what 第十九条 asks for — who, where,
/// what is requested and why. Registration checks the input, builds the matter and opens the bureau's 15-day clock.
/// Every field error is reported at once so the clerk can correct the form in one go.
/// </summary>
public static class Registration
{
    public static Result<(Matter Matter, MatterChange Change)> Register(RegistrationInput input, string number, string queryCodeHash,
                                                                         Guid registeringUnitId, DecisionContext context)
    {
        var errors = new List<(string Code, string Field, string Message)>();
        void Fail(string code, string field, string message) => errors.Add((code, field, message));

        if (input.ReceivedOn > context.Today)
        {
            Fail("matter.received-in-future", "receivedOn", $"收到日期 {input.ReceivedOn:yyyy-MM-dd} 晚于今天，不能登记未来的信访。");
        }
        else if (input.ReceivedOn.Year < 2000)
        {
            Fail("matter.received-too-early", "receivedOn", "收到日期不能早于 2000 年。");
        }

        var petitioners = CheckPetitioners(input, context.Today, Fail);
        var flags = (input.Flags ?? []).Distinct().ToList();
        if (input.Headcount is < 1 or > Limits.Headcount)
        {
            Fail("matter.headcount-invalid", "headcount", $"人数应在 1 到 {Limits.Headcount} 之间。");
        }
        else if (input.Headcount < petitioners.Count)
        {
            Fail("matter.headcount-invalid", "headcount", $"人数（{input.Headcount}）不能少于登记的信访人数（{petitioners.Count}）。");
        }

        if (input.Headcount >= Limits.CollectiveHeadcount && !flags.Contains(MatterFlag.Collective))
        {
            flags.Add(MatterFlag.Collective);
        }
        else if (flags.Contains(MatterFlag.Collective) && input.Headcount < Limits.CollectiveHeadcount)
        {
            Fail("matter.collective-headcount", "headcount", $"集体访的人数应不少于 {Limits.CollectiveHeadcount} 人。");
        }

        CheckText(input, Fail);
        if (!string.IsNullOrWhiteSpace(input.CategoryCode) && !context.Categories.Contains(input.CategoryCode))
        {
            Fail("matter.category-not-found", "categoryCode", $"内容分类“{input.CategoryCode}”不存在，请从分类表中选择。");
        }

        if (input.LocationUnitId is { } location && context.UnitOf(location) is not { Kind: UnitKind.Street or UnitKind.Town })
        {
            Fail("matter.location-invalid", "locationUnitId", "问题属地须为本区的街道或镇。");
        }

        if (input.Accused is not null && input.Purpose != Purpose.Accusation)
        {
            Fail("matter.accused-not-allowed", "accused", "只有检举控告类事项填写被检举控告人。");
        }

        if (input.Channel == Channel.Superior && string.IsNullOrWhiteSpace(input.Superior?.Number))
        {
            Fail("matter.superior-required", "superior.number", "上级交办的事项请填写上级交办编号。");
        }
        else if (input.Superior?.DueOn is { } superiorDue && superiorDue < input.ReceivedOn)
        {
            Fail("matter.superior-due-invalid", "superior.dueOn", "上级要求的办结日期不能早于收到日期。");
        }

        if (errors.Count > 0)
        {
            var fields = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return Error.Validation(errors[0].Code, string.Join(" ", errors.Select(e => e.Message)), fields);
        }

        var accused = input.Accused is { } a ? new Accused(Trim(a.Name), Trim(a.Unit), Trim(a.Position), a.UnitId) : null;
        var matter = new Matter(Guid.CreateVersion7(), number, registeringUnitId, input.Channel, input.ReceivedOn, input.Purpose,
            Trim(input.CategoryCode), input.Title!.Trim(), input.Content!.Trim(), Demands(input), input.Headcount, flags,
            input.LocationUnitId, accused, input.Superior is { } s ? s with { Number = s.Number.Trim() } : null, queryCodeHash, input.RepeatOf);
        matter.AddPetitioners(petitioners);

        // 第二十二条: the bureau disposes of the matter within 15 days of receipt (a local rule may shorten it).
        List<Deadline> clocks = [context.Deadlines.Open(PeriodRules.Dispose, input.ReceivedOn, matter.Qualifiers)];
        if (input.Superior?.DueOn is { } due)
        {
            clocks.Add(Deadline.Fixed(Deadline.Superior, input.ReceivedOn, due));
        }

        var change = new MatterChange(MatterAction.Register, null, MatterStatus.Registered, input.ReceivedOn, null)
        {
            Opened = clocks,
            Notices = [new NoticeDraft(NoticeKind.Receipt, Recipient.Petitioner, null, registeringUnitId,
                NoticeContent.Fields(matter, NoticeKind.Receipt, Recipient.Petitioner, registeringUnitId, context, context.Today, null))],
        };
        return (matter, change);
    }

    private static List<Petitioner> CheckPetitioners(RegistrationInput input, DateOnly today, Action<string, string, string> fail)
    {
        var result = new List<Petitioner>();
        if (input.Petitioners.Count == 0)
        {
            fail("matter.petitioner-required", "petitioners", "请至少登记一名信访人（匿名检举控告请填写“匿名”）。");
            return result;
        }

        if (input.Petitioners.Count > Limits.Petitioners)
        {
            fail("matter.too-many-petitioners", "petitioners", $"一次最多登记 {Limits.Petitioners} 名信访人，其余请在内容中说明人数。");
            return result;
        }

        var representatives = input.Petitioners.Count(p => p.IsRepresentative);
        if (representatives > Limits.Representatives)
        {
            // 第二十条: 多人采用走访形式提出共同的信访事项的，应当推选代表，代表人数不得超过5人.
            fail("matter.too-many-representatives", "petitioners", $"集体访推选的代表不得超过 {Limits.Representatives} 人（《信访工作条例》第二十条），现为 {representatives} 人。");
        }

        for (var i = 0; i < input.Petitioners.Count; i++)
        {
            var p = input.Petitioners[i];
            var name = p.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > Limits.Name)
            {
                fail("matter.petitioner-name-required", $"petitioners[{i}].name", $"第 {i + 1} 位信访人：请填写姓名（不超过 {Limits.Name} 字）。");
                continue;
            }

            IdNumberInfo? id = null;
            if (!string.IsNullOrWhiteSpace(p.IdNumber))
            {
                var parsed = IdNumber.Parse(p.IdNumber, today);
                if (!parsed.TryGet(out var info, out var error))
                {
                    fail(error.Code, $"petitioners[{i}].idNumber", $"第 {i + 1} 位信访人（{name}）的身份证号码有误：{error.Detail}");
                    continue;
                }

                id = info;
            }

            string? phone = null;
            if (!string.IsNullOrWhiteSpace(p.Phone))
            {
                var parsed = PhoneNumber.Normalize(p.Phone);
                if (!parsed.TryGet(out var normalised, out var error))
                {
                    fail(error.Code, $"petitioners[{i}].phone", $"第 {i + 1} 位信访人（{name}）的联系电话有误：{error.Detail}");
                    continue;
                }

                phone = normalised;
            }

            if (p.Address is { Length: > Limits.Address })
            {
                fail("matter.address-too-long", $"petitioners[{i}].address", $"第 {i + 1} 位信访人的地址不超过 {Limits.Address} 字。");
                continue;
            }

            result.Add(new Petitioner(Guid.CreateVersion7(), i, name, id?.Normalized, phone, Trim(p.Address), p.IsRepresentative, id?.Sex, id?.BirthDate));
        }

        return result;
    }

    private static void CheckText(RegistrationInput input, Action<string, string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > Limits.Title)
        {
            fail("matter.title-required", "title", $"请填写事项标题（不超过 {Limits.Title} 字）。");
        }

        if (string.IsNullOrWhiteSpace(input.Content))
        {
            fail("matter.content-required", "content", "请填写信访内容：反映的事实和理由（第十九条）。");
        }
        else if (input.Content.Length > Limits.Content)
        {
            fail("matter.content-too-long", "content",
                $"信访内容不超过 {Limits.Content} 字（现为 {input.Content.Length} 字）。较长的来信请摘要录入，原件扫描后作为附件上传。");
        }

        var demands = Demands(input);
        if (input.Purpose == Purpose.Claim && demands.Count == 0)
        {
            fail("matter.demands-required", "demands", "申诉求决类事项请逐项列明诉求，办结时须逐项答复（第三十二条）。");
        }
        else if (demands.Count > Limits.Demands || demands.Any(d => d.Length > Limits.Demand))
        {
            fail("matter.demands-too-long", "demands", $"诉求最多 {Limits.Demands} 项，每项不超过 {Limits.Demand} 字。");
        }
        else if (demands.Distinct().Count() != demands.Count)
        {
            fail("matter.demands-duplicated", "demands", "诉求有重复项，请合并。");
        }
    }

    private static List<string> Demands(RegistrationInput input) =>
        (input.Demands ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).ToList();

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
