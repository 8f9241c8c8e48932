using System.Data;
using System.Reflection;
using System.Text.Json;
using Dapper;

namespace ReferralNet.BuildingBlocks.Data;

/// <summary>What Dapper reads and writes beyond its own types: points in time as UTC, days, and JSON kept in TEXT columns.</summary>
public static class DapperTypeHandlers
{
    /// <summary>
    /// Code lists, id lists, and every type of <paramref name="serviceAssembly"/> marked <see cref="StoredAsJsonAttribute"/>
    /// (alone and as a list) are JSON in their columns, so no feature (de)serialises a column by hand.
    /// </summary>
    public static void Register(Assembly serviceAssembly)
    {
        SqlMapper.AddTypeHandler(new UtcDateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        JsonColumn<IReadOnlyList<string>>.Register();
        JsonColumn<IReadOnlyList<Guid>>.Register();
        foreach (var type in serviceAssembly.GetTypes().Where(t => t.IsDefined(typeof(StoredAsJsonAttribute), inherit: false)))
        {
            // A type in a shape of its own (an external standard's field names) says so with a static JsonOptions.
            var options = type.GetProperty(StoredAsJsonAttribute.OptionsProperty, BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)?.GetValue(null) as JsonSerializerOptions;
            foreach (var stored in new[] { type, typeof(IReadOnlyList<>).MakeGenericType(type) })
            {
                SqlMapper.AddTypeHandler(stored, (SqlMapper.ITypeHandler)Activator.CreateInstance(typeof(JsonColumn<>).MakeGenericType(stored), [options])!);
            }
        }
    }
}

/// <summary>
/// A type a service keeps as one JSON document in a TEXT (or JSONB) column, and its lists the same way; with the
/// serializer's defaults, or the options of its public static <c>JsonOptions</c> property when it has one.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StoredAsJsonAttribute : Attribute
{
    public const string OptionsProperty = "JsonOptions";
}

/// <summary>
/// A value kept as JSON text. The declared type is what Dapper looks the handler up by: a parameter or property typed
/// <c>IReadOnlyList&lt;string&gt;</c> is JSON, while a <c>string[]</c> stays a PostgreSQL array (for <c>ANY(@Ids)</c>).
/// </summary>
internal sealed class JsonColumn<T>(JsonSerializerOptions? options = null) : SqlMapper.TypeHandler<T>
{
    public static void Register() => SqlMapper.AddTypeHandler(new JsonColumn<T>());

    public override void SetValue(IDbDataParameter parameter, T? value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = value is null ? DBNull.Value : JsonSerializer.Serialize(value, options);
    }

    public override T Parse(object value) =>
        JsonSerializer.Deserialize<T>((string)value, options) ?? throw new DataException($"A JSON column held null where {typeof(T).Name} was expected.");
}

/// <summary>Npgsql reads timestamptz as a UTC DateTime; the domain speaks DateTimeOffset.</summary>
internal sealed class UtcDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUniversalTime();

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset offset => offset,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a point in time."),
    };
}

/// <summary>A day (a date column): Npgsql reads it as a DateTime at midnight; the domain speaks DateOnly.</summary>
internal sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
{
    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        parameter.DbType = DbType.Date;
        parameter.Value = value;
    }

    public override DateOnly Parse(object value) => value switch
    {
        DateOnly day => day,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a day."),
    };
}
