using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Prevention;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Prevention;

public sealed record ActivityInput(ActivityKind? Kind = null, DateOnly? On = null, string? Topic = null, string? Place = null, string? Organiser = null,
                                   string? Units = null, int? Sessions = null, int? Persons = null);

public sealed record ActivityView(Guid Id, ActivityKind Kind, string KindLabel, DateOnly On, string Topic, string? Place, string? Organiser, string? Units,
                                  int Sessions, int Persons, string RecordedBy);

/// <summary>Trainings, publicity events and lawyers' duty days, which the annual report counts (场次、人次).</summary>
public sealed class ActivityLog(XinfangDb db, Staff staff, TimeProvider time)
{
    public async Task<Result<ActivityView>> RecordAsync(ActivityInput input, CancellationToken cancellationToken = default)
    {
        var checkedFacts = Activities.Check(input.Kind, input.On, ChinaTime.DateOf(time.GetUtcNow()), input.Topic, input.Place, input.Organiser, input.Units,
            input.Sessions, input.Persons);
        if (!checkedFacts.TryGet(out var f, out var error))
        {
            return error;
        }

        var activity = new PreventionActivity
        {
            Id = Guid.CreateVersion7(), Kind = f.Kind, On = f.On, Topic = f.Topic, Place = f.Place, Organiser = f.Organiser, Units = f.Units,
            Sessions = f.Sessions, Persons = f.Persons, RecordedBy = staff.UserName,
        };
        db.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return View(activity);
    }

    public async Task<List<ActivityView>> ListAsync(ActivityKind? kind, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        var query = db.Set<PreventionActivity>().AsNoTracking();
        if (kind is { } k) query = query.Where(a => a.Kind == k);
        if (from is { } f) query = query.Where(a => a.On >= f);
        if (to is { } t) query = query.Where(a => a.On <= t);
        return (await query.OrderByDescending(a => a.On).Take(1000).ToListAsync(cancellationToken)).Select(View).ToList();
    }

    private static ActivityView View(PreventionActivity a) =>
        new(a.Id, a.Kind, a.Kind.ToChinese(), a.On, a.Topic, a.Place, a.Organiser, a.Units, a.Sessions, a.Persons, a.RecordedBy);
}
