namespace ReferralNet.Web.Features.Youth;

/// <summary>
/// One look at the young person's data as they would tell it: a case page read by an agency is an entry per kind of
/// record, all within a moment, and a list of them said one by one buried what happened under repetition.
/// </summary>
public sealed record AccessLogVisit(AccessLogEntry First, IReadOnlyList<string> Categories)
{
    /// <summary>How far apart entries of one look may be.</summary>
    public static readonly TimeSpan Moment = TimeSpan.FromMinutes(1);

    /// <summary>Consecutive entries (newest first) of the same reader, kind, purpose and decision within a moment, as one.</summary>
    public static IReadOnlyList<AccessLogVisit> Of(IEnumerable<AccessLogEntry> newestFirst)
    {
        var visits = new List<AccessLogVisit>();
        foreach (var entry in newestFirst)
        {
            if (visits.Count > 0 && visits[^1] is var last && last.Joins(entry))
            {
                visits[^1] = last with { Categories = last.Categories.Contains(entry.Category) ? last.Categories : [.. last.Categories, entry.Category] };
            }
            else
            {
                visits.Add(new AccessLogVisit(entry, [entry.Category]));
            }
        }
        return visits;
    }

    private bool Joins(AccessLogEntry entry) =>
        entry.Kind == AccessLogKinds.Read && First.Kind == AccessLogKinds.Read
        && (entry.AgencyId, entry.Role, entry.Purpose, entry.Decision) == (First.AgencyId, First.Role, First.Purpose, First.Decision)
        && First.At - entry.At < Moment;
}
