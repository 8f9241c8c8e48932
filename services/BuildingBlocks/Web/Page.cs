namespace ReferralNet.BuildingBlocks.Web;

/// <summary>A page of a list: <c>{ "items": [...], "nextCursor": ... }</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static int Clamp(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);

    /// <summary>Lists are ordered by id; the cursor is the last id of the page.</summary>
    public static Page<T> Of(IReadOnlyList<T> fetched, int limit, Func<T, Guid> idOf) =>
        fetched.Count > limit
            ? new Page<T>(fetched.Take(limit).ToList(), idOf(fetched[limit - 1]).ToString())
            : new Page<T>(fetched, null);

    public Page<TShown> Select<TShown>(Func<T, TShown> shown) => new([.. Items.Select(shown)], NextCursor);
}
