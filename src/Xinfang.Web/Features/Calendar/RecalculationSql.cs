using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Calendar;

/// <summary>
/// The one statement EF Core cannot express: INSERT … SELECT of a history event for every deadline of a group, so that
/// 30,000 moved due dates are a few dozen statements rather than 30,000 tracked entities. Table and column names,
/// and the conversion of every parameter (enums as text, dates, UTC instants), come from the EF model, so the SQL is
/// the same on SQLite and PostgreSQL and follows the naming convention and the mappings without repeating them.
/// </summary>
internal sealed class RecalculationSql(XinfangDb db)
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    /// <summary>One <c>recalculate</c> event, with the matter's current status, for each deadline whose properties
    /// equal <paramref name="deadlines"/> (property name → value).</summary>
    public Task<int> InsertEventsAsync(IReadOnlyList<(string Property, object? Value)> deadlines, DateOnly on, DateTime at, string by,
        string note, string data, CancellationToken cancellationToken)
    {
        var deadline = db.Model.FindEntityType(typeof(Deadline))!;
        var matter = db.Model.FindEntityType(typeof(Matter))!;
        var history = db.Model.FindEntityType(typeof(MatterEvent))!;
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>();

        string Value(IEntityType type, string property, object? value)
        {
            var name = "@x" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters.Add(type.FindProperty(property)!.GetRelationalTypeMapping().CreateParameter(command, name, value));
            return name;
        }

        var status = Column(matter, nameof(Matter.Status));
        var text = new StringBuilder()
            .Append("INSERT INTO ").Append(Table(history)).Append(" (")
            .AppendJoin(", ", new[]
            {
                nameof(MatterEvent.MatterId), nameof(MatterEvent.Action), nameof(MatterEvent.From), nameof(MatterEvent.To), nameof(MatterEvent.On),
                nameof(MatterEvent.At), nameof(MatterEvent.By), nameof(MatterEvent.Note), nameof(MatterEvent.Data),
            }.Select(p => Column(history, p)))
            .Append(") SELECT d.").Append(Column(deadline, nameof(Deadline.MatterId)))
            .Append(", ").Append(Value(history, nameof(MatterEvent.Action), MatterAction.Recalculate))
            .Append(", m.").Append(status).Append(", m.").Append(status)
            .Append(", ").Append(Value(history, nameof(MatterEvent.On), on))
            .Append(", ").Append(Value(history, nameof(MatterEvent.At), at))
            .Append(", ").Append(Value(history, nameof(MatterEvent.By), by))
            .Append(", ").Append(Value(history, nameof(MatterEvent.Note), note))
            .Append(", ").Append(Value(history, nameof(MatterEvent.Data), data))
            .Append(" FROM ").Append(Table(deadline)).Append(" d INNER JOIN ").Append(Table(matter)).Append(" m ON m.")
            .Append(Column(matter, nameof(Matter.Id))).Append(" = d.").Append(Column(deadline, nameof(Deadline.MatterId)))
            .Append(" WHERE ")
            .AppendJoin(" AND ", deadlines.Select(f => $"d.{Column(deadline, f.Property)} = {Value(deadline, f.Property, f.Value)}"));
        return db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken);
    }

    private string Table(IEntityType type) => _sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());

    private string Column(IEntityType type, string property) =>
        _sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!);
}
