using System.Data;
using Dapper;

namespace ReferralNet.BuildingBlocks.Data;

/// <summary>
/// Lists are paged by id (keyset paging): the cursor is the last id of a page, a page is read one row long to know
/// whether another follows, and no page costs more than the rows it shows, however deep it is.
/// </summary>
public static class Keyset
{
    /// <summary>A list's SQL: <paramref name="filtered"/> (ending in its WHERE clause) after the cursor, by <paramref name="idColumn"/>.</summary>
    public static string Paged(string filtered, string idColumn) => $"""
        {filtered}
          AND (@Cursor IS NULL OR {idColumn} > @Cursor)
        ORDER BY {idColumn}
        OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY
        """;

    /// <summary>The same list newest first: ids are UUIDv7, so the highest id is the latest row.</summary>
    public static string PagedNewestFirst(string filtered, string idColumn) => $"""
        {filtered}
          AND (@Cursor IS NULL OR {idColumn} < @Cursor)
        ORDER BY {idColumn} DESC
        OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY
        """;

    /// <summary>
    /// The list newest first by <paramref name="order"/>, ties by id. The cursor stays an id: its row is read again for
    /// where it stood (<paramref name="orderOfCursor"/>, SQL of @Cursor), so a row whose order changed between two
    /// pages may be seen twice or missed, as in any list that changes while it is read.
    /// </summary>
    public static string PagedNewestFirstBy(string filtered, string order, string idColumn, string orderOfCursor) => $"""
        {filtered}
          AND (@Cursor IS NULL OR ({order}, {idColumn}) < (({orderOfCursor}), @Cursor))
        ORDER BY {order} DESC, {idColumn} DESC
        OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY
        """;

    /// <summary>
    /// The list soonest first by <paramref name="order"/>, rows without one last, ties by id; the cursor as in
    /// <see cref="PagedNewestFirstBy"/>.
    /// </summary>
    public static string PagedSoonestFirstBy(string filtered, string order, string idColumn, string orderOfCursor) => $"""
        {filtered}
          AND (@Cursor IS NULL OR CASE WHEN ({orderOfCursor}) IS NULL THEN {order} IS NULL AND {idColumn} > @Cursor
                                       ELSE {order} IS NULL OR ({order}, {idColumn}) > (({orderOfCursor}), @Cursor) END)
        ORDER BY {order} ASC NULLS LAST, {idColumn}
        OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY
        """;

    public static Task<Page<T>> PageAsync<T>(
        this UnitOfWork work, string paged, object? param, int? limit, Guid? cursor, Func<T, Guid> idOf, CancellationToken ct) =>
        ReadAsync(paged, param, limit, cursor, idOf, (sql, p) => work.QueryAsync<T>(sql, p, ct));

    public static Task<Page<T>> PageAsync<T>(
        this Database database, string paged, object? param, int? limit, Guid? cursor, Func<T, Guid> idOf, CancellationToken ct) =>
        ReadAsync(paged, param, limit, cursor, idOf, async (sql, p) => await database.QueryAsync<T>(sql, p, ct));

    private static async Task<Page<T>> ReadAsync<T>(
        string paged, object? param, int? limit, Guid? cursor, Func<T, Guid> idOf, Func<string, object, Task<IEnumerable<T>>> query)
    {
        var take = Page<T>.Clamp(limit);
        var parameters = new DynamicParameters(param);
        // Typed, so a null cursor is a null uuid (PostgreSQL cannot tell the type of a bare NULL parameter).
        parameters.Add("Cursor", cursor, DbType.Guid);
        parameters.Add("Take", take + 1, DbType.Int32);
        return Page<T>.Of([.. await query(paged, parameters)], take, idOf);
    }
}
