using System.Linq.Expressions;
using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Matters;

/// <summary>
/// Who may know who an accuser is (第三十条第三款, 第四十六条第五项): the bureau, and the body the accusation was
/// referred to; never anyone else, above all never the accused. The rule is written once, as an expression, so that
/// the matter page, the lists, the search (which must not match what the viewer may not see), exports and documents
/// all ask the same question — in memory or in the database.
/// </summary>
public static class Confidentiality
{
    private static readonly Expression<Func<Purpose, Guid?, Guid, bool, bool>> Rule =
        (purpose, referredTo, viewerUnit, viewerIsBureau) => viewerIsBureau || purpose != Purpose.Accusation || referredTo == viewerUnit;

    private static readonly Func<Purpose, Guid?, Guid, bool, bool> Check = Rule.Compile();

    public static bool MaySeeIdentity(Matter matter, Actor viewer) => MaySeeIdentity(matter.Purpose, matter.ReferredToUnitId, viewer);

    /// <summary>The same rule over the two facts it needs, for rows projected from the database.</summary>
    public static bool MaySeeIdentity(Purpose purpose, Guid? referredTo, Actor viewer) => Check(purpose, referredTo, viewer.UnitId, viewer.IsBureau);

    /// <summary>The rule as a filter over matters, for queries: the viewer's unit and role become query parameters.</summary>
    public static Expression<Func<Matter, bool>> IdentityVisibleTo(Actor viewer)
    {
        var matter = Expression.Parameter(typeof(Matter), "m");
        var values = new Viewer(viewer.UnitId, viewer.IsBureau);
        var body = new Substitution(new Dictionary<ParameterExpression, Expression>
        {
            [Rule.Parameters[0]] = Expression.Property(matter, nameof(Matter.Purpose)),
            [Rule.Parameters[1]] = Expression.Property(matter, nameof(Matter.ReferredToUnitId)),
            [Rule.Parameters[2]] = Expression.Property(Expression.Constant(values), nameof(Viewer.UnitId)),
            [Rule.Parameters[3]] = Expression.Property(Expression.Constant(values), nameof(Viewer.IsBureau)),
        }).Visit(Rule.Body);
        return Expression.Lambda<Func<Matter, bool>>(body, matter);
    }

    // Read through a property, not inlined as constants, so that the database sees parameters and reuses its plan.
    private sealed record Viewer(Guid UnitId, bool IsBureau);

    private sealed class Substitution(IReadOnlyDictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var value) ? value : node;
    }
}
