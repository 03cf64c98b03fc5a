using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Xinfang.Web.Data;

/// <summary>Stores instants as UTC and reads them back marked as UTC (SQLite would say Unspecified).</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
