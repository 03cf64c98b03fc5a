using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Prevention;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Prevention;

/// <summary>
/// The dispute-screening ledger: units file what they find and record how it is resolved. A street, town or
/// department sees and edits only the items it reported or is responsible for; the bureau sees them all.
/// </summary>
public sealed class Ledger(XinfangDb db, Staff staff, TimeProvider time, ReferenceData reference)
{
    public DateOnly Today => ChinaTime.DateOf(time.GetUtcNow());

    public IQueryable<LedgerItem> Visible() => VisibleTo(db, staff);

    public static IQueryable<LedgerItem> VisibleTo(XinfangDb db, Staff staff)
    {
        if (staff.IsBureau)
        {
            return db.Set<LedgerItem>();
        }

        var unit = staff.UnitId;
        return db.Set<LedgerItem>().Where(i => i.ReportingUnitId == unit || i.ResponsibleUnitId == unit);
    }

    public async Task<Result<LedgerItemView>> CreateAsync(LedgerItemInput input, CancellationToken cancellationToken = default)
    {
        var draft = await DraftAsync(input, cancellationToken);
        var checkedFacts = LedgerRules.Check(draft, Today);
        if (!checkedFacts.TryGet(out var facts, out var error))
        {
            return error;
        }

        var matters = input.MatterIds?.Distinct().ToList() ?? [];
        if (matters.Count > 0 && await db.VisibleMatters(staff).CountAsync(m => matters.Contains(m.Id), cancellationToken) != matters.Count)
        {
            return Error.Validation("ledger.matter-not-found", "所关联的信访事项不存在，或不在您的查看范围内。", "matterIds");
        }

        var item = New(facts, staff);
        db.Add(item);
        db.AddRange(matters.Select(m => new LedgerItemMatter { ItemId = item.Id, MatterId = m }));
        await db.SaveChangesAsync(cancellationToken);
        return (await ViewsAsync(db.Set<LedgerItem>().Where(i => i.Id == item.Id), cancellationToken)).Single();
    }

    public LedgerItem New(LedgerItemFacts facts, Staff by)
    {
        var item = new LedgerItem
        {
            Id = Guid.CreateVersion7(), ReportingUnitId = by.UnitId, CreatedBy = by.UserName, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        item.Apply(facts);
        return item;
    }

    public async Task<Result<LedgerItemView>> UpdateAsync(Guid id, LedgerUpdateInput input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var item = await Visible().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound;
        }

        if (expectedVersion is { } version && version != item.Version)
        {
            return new Error(ErrorKind.Stale, "concurrency.stale", "数据已被修改", "该台账事项已被他人修改，请刷新后重试。");
        }

        if (input.MatterId is { } matterId && !await db.VisibleMatters(staff).AnyAsync(m => m.Id == matterId, cancellationToken))
        {
            return Error.Validation("ledger.matter-not-found", "所关联的信访事项不存在，或不在您的查看范围内。", "matterId");
        }

        var hasMatter = await db.Set<LedgerItemMatter>().AnyAsync(l => l.ItemId == id, cancellationToken);
        var decided = LedgerRules.Decide(item.Status, item.ReportedOn, hasMatter, input.Note, input.Status, input.Measures, input.MatterId, input.On, Today, staff.UserName);
        if (!decided.TryGet(out var update, out var error))
        {
            return error;
        }

        item.Apply(update);
        if (update.MatterId is { } linked && !await db.Set<LedgerItemMatter>().AnyAsync(l => l.ItemId == id && l.MatterId == linked, cancellationToken))
        {
            db.Add(new LedgerItemMatter { ItemId = id, MatterId = linked });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Error(ErrorKind.Stale, "concurrency.stale", "数据已被修改", "该台账事项已被他人修改，请刷新后重试。");
        }

        await transaction.CommitAsync(cancellationToken);
        return (await ViewsAsync(db.Set<LedgerItem>().Where(i => i.Id == id), cancellationToken)).Single();
    }

    /// <summary>
    /// Corrects an open item's fields (<see cref="LedgerRules.DecideEdit"/>): the status stays, blank contact fields keep
    /// what is on file (the form shows them masked), and the history names the fields changed. Matters are linked
    /// through updates, not here.
    /// </summary>
    public async Task<Result<LedgerItemView>> EditAsync(Guid id, LedgerItemInput input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var item = await Visible().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound;
        }

        if (expectedVersion is { } version && version != item.Version)
        {
            return Stale;
        }

        var current = new LedgerItemFacts(item.TopicId, item.Title, item.Description, item.LocationUnitId, item.People, item.Headcount, item.Amount,
            item.ContactPhone, item.ContactIdNumber, item.Risk, item.Source, item.ResponsibleUnitId, item.ResponsiblePerson, item.Leader, item.Measures,
            item.ReportedOn, item.DueOn, item.Status);
        if (current.Status.IsClosed())
        {
            return LedgerRules.DecideEdit(current, current, Today, staff.UserName).Error!;
        }

        var kept = input with
        {
            ContactPhone = string.IsNullOrWhiteSpace(input.ContactPhone) ? item.ContactPhone : input.ContactPhone,
            ContactIdNumber = string.IsNullOrWhiteSpace(input.ContactIdNumber) ? item.ContactIdNumber : input.ContactIdNumber,
            Status = null,
        };
        var checkedFacts = LedgerRules.Check(await DraftAsync(kept, cancellationToken), Today);
        if (!checkedFacts.TryGet(out var facts, out var error))
        {
            return error;
        }

        facts = facts with { Status = item.Status };
        if (!LedgerRules.DecideEdit(current, facts, Today, staff.UserName).TryGet(out var entry, out error))
        {
            return error;
        }

        item.Apply(facts);
        item.Apply(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }

        await transaction.CommitAsync(cancellationToken);
        return (await ViewsAsync(db.Set<LedgerItem>().Where(i => i.Id == id), cancellationToken)).Single();
    }

    private static Error Stale => new(ErrorKind.Stale, "concurrency.stale", "数据已被修改", "该台账事项已被他人修改，请刷新后重试。");

    public async Task<Result<LedgerItemView>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ViewsAsync(Visible().Where(i => i.Id == id), cancellationToken)).SingleOrDefault() is { } view ? view : NotFound;

    public async Task<LedgerPage> ListAsync(LedgerFilter filter, CancellationToken cancellationToken = default)
    {
        var query = await FilteredAsync(filter, cancellationToken);
        var pageSize = Math.Clamp(filter.PageSize, 1, 200);
        var page = Math.Max(filter.Page, 1);
        var total = await query.CountAsync(cancellationToken);
        var items = await ViewsAsync(query.OrderByDescending(i => i.ReportedOn).ThenByDescending(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return new LedgerPage(total, page, pageSize, items);
    }

    public async Task<IQueryable<LedgerItem>> FilteredAsync(LedgerFilter filter, CancellationToken cancellationToken = default)
    {
        var query = Visible().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Topic))
        {
            var topic = (await TopicsAsync(cancellationToken)).FirstOrDefault(t => t.Code == filter.Topic || t.Name == filter.Topic);
            var topicId = topic?.Id ?? Guid.Empty;
            query = query.Where(i => i.TopicId == topicId);
        }

        if (filter.UnitId is { } unit) query = query.Where(i => i.ReportingUnitId == unit || i.ResponsibleUnitId == unit || i.LocationUnitId == unit);
        if (filter.Risk is { } risk) query = query.Where(i => i.Risk == risk);
        if (filter.Status is { } status) query = query.Where(i => i.Status == status);
        if (filter.From is { } from) query = query.Where(i => i.ReportedOn >= from);
        if (filter.To is { } to) query = query.Where(i => i.ReportedOn <= to);
        return query;
    }

    public async Task<List<LedgerItemView>> ViewsAsync(IQueryable<LedgerItem> query, CancellationToken cancellationToken)
    {
        var items = await query.AsNoTracking().ToListAsync(cancellationToken);
        var ids = items.Select(i => i.Id).ToList();
        var links = await db.Set<LedgerItemMatter>().AsNoTracking().Where(l => ids.Contains(l.ItemId))
            .Join(db.Matters, l => l.MatterId, m => m.Id, (l, m) => new { l.ItemId, m.Id, m.Number, m.Title })
            .ToListAsync(cancellationToken);
        var topics = (await TopicsAsync(cancellationToken)).ToDictionary(t => t.Id);
        var units = (await reference.CurrentAsync(cancellationToken)).Units;
        string UnitName(Guid id) => units.TryGetValue(id, out var u) ? u.Name : "";
        return items.Select(i => new LedgerItemView(i.Id, topics[i.TopicId].Code, topics[i.TopicId].Name, i.Title, i.Description, i.LocationUnitId,
            UnitName(i.LocationUnitId), i.People, i.Headcount, i.Amount, i.ContactPhone is null ? null : Mask.Phone(i.ContactPhone),
            i.ContactIdNumber is null ? null : Mask.IdNumber(i.ContactIdNumber), i.Risk, i.Risk.ToChinese(), i.Source, i.Source.ToChinese(),
            i.ResponsibleUnitId, UnitName(i.ResponsibleUnitId), i.ResponsiblePerson, i.Leader, i.Measures, i.ReportedOn, i.DueOn, i.Status,
            i.Status.ToChinese(), i.ClosedOn, i.ReportingUnitId, UnitName(i.ReportingUnitId), i.CreatedBy, i.Version, i.Updates,
            links.Where(l => l.ItemId == i.Id).Select(l => new LinkedMatter(l.Id, l.Number, l.Title)).ToList())).ToList();
    }

    public Task<List<TopicView>> TopicsAsync(CancellationToken cancellationToken = default) =>
        db.Set<LedgerTopic>().AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Code)
            .Select(t => new TopicView(t.Id, t.Code, t.Name, t.SortOrder, t.IsActive)).ToListAsync(cancellationToken);

    /// <summary>Names and codes to ids; what cannot be resolved stays null and the rules name the field.</summary>
    public async Task<LedgerItemDraft> DraftAsync(LedgerItemInput input, CancellationToken cancellationToken)
    {
        var topic = (await TopicsAsync(cancellationToken)).FirstOrDefault(t => t.IsActive && (t.Code == input.Topic?.Trim() || t.Name == input.Topic?.Trim()));
        var units = (await reference.CurrentAsync(cancellationToken)).Units;
        Guid? Known(Guid? id) => id is { } u && units.TryGetValue(u, out var unit) && unit.IsActive ? u : null;
        return new LedgerItemDraft(topic?.Id, input.Title, input.Description, Known(input.LocationUnitId), input.People, input.Headcount, input.Amount,
            input.ContactPhone, input.ContactIdNumber, input.Risk, input.Source, Known(input.ResponsibleUnitId), input.ResponsiblePerson, input.Leader,
            input.Measures, input.ReportedOn, input.DueOn, input.Status);
    }

    /// <summary>The administrator extends or renames the taxonomy; a topic in use is deactivated, never deleted.</summary>
    public async Task<Result<TopicView>> SaveTopicAsync(Guid? id, TopicInput input, CancellationToken cancellationToken = default)
    {
        var code = input.Code?.Trim() ?? "";
        var name = input.Name?.Trim() ?? "";
        if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z][a-z0-9-]{0,31}$"))
        {
            return Error.Validation("ledger.topic-code-invalid", "类型代码须为小写字母开头的字母、数字或连字符（不超过 32 位）。", "code");
        }

        if (name.Length is 0 or > 32)
        {
            return Error.Validation("ledger.topic-name-required", "请填写类型名称（不超过 32 字）。", "name");
        }

        var topics = db.Set<LedgerTopic>();
        if (await topics.AnyAsync(t => t.Id != id && (t.Code == code || t.Name == name), cancellationToken))
        {
            return Error.Conflict("ledger.topic-taken", "类型已存在", "已有相同代码或名称的矛盾类型。");
        }

        var topic = id is null ? null : await topics.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (id is not null && topic is null)
        {
            return Error.NotFound("ledger.topic-not-found", "该矛盾类型不存在。");
        }

        if (topic is null)
        {
            topic = new LedgerTopic { Id = Guid.CreateVersion7() };
            db.Add(topic);
        }

        (topic.Code, topic.Name, topic.SortOrder, topic.IsActive) = (code, name, input.SortOrder ?? topic.SortOrder, input.IsActive);
        await db.SaveChangesAsync(cancellationToken);
        return new TopicView(topic.Id, topic.Code, topic.Name, topic.SortOrder, topic.IsActive);
    }

    private static Error NotFound => Error.NotFound("ledger.item-not-found", "该台账事项不存在，或不在您的查看范围内。");
}
