namespace ReferralNet.Support.Features.Councils;

/// <summary>A member agency of a council, bound by the council's statute to confidentiality since it joined.</summary>
public sealed record CouncilMember
{
    public Guid AgencyId { get; init; }
    public DateTimeOffset BoundSince { get; init; }
}

public sealed record CouncilView(
    Guid CouncilId, string Name, [property: CodeList(typeof(LegalBases))] string LegalBasis, IReadOnlyList<CouncilMember> Members);

public sealed record CouncilCreated(Guid CouncilId);

/// <summary>A statutory council as stored: its current members (those that left are kept, with when).</summary>
public static class Council
{
    private const string ReadAll = """
        SELECT id AS CouncilId, name, legal_basis AS LegalBasis FROM councils ORDER BY name, id
        """;

    private const string ReadOne = "SELECT id AS CouncilId, name, legal_basis AS LegalBasis FROM councils WHERE id = @CouncilId";

    private const string ReadMembers = """
        SELECT council_id AS CouncilId, agency_id AS AgencyId, bound_since AS BoundSince
        FROM council_members WHERE council_id = ANY(@CouncilIds) AND left_at IS NULL ORDER BY bound_since, agency_id
        """;

    private const string IsMember = """
        SELECT COUNT(*) FROM council_members WHERE council_id = @CouncilId AND agency_id = @AgencyId AND left_at IS NULL
        """;

    public static async Task<IReadOnlyList<CouncilView>> AllAsync(UnitOfWork work, CancellationToken ct) =>
        await ViewsAsync(work, [.. await work.QueryAsync<Row>(ReadAll, null, ct)], ct);

    public static async Task<CouncilView?> FindAsync(UnitOfWork work, Guid councilId, CancellationToken ct) =>
        await work.QuerySingleOrDefaultAsync<Row>(ReadOne, new { CouncilId = councilId }, ct) is { } row
            ? (await ViewsAsync(work, [row], ct))[0]
            : null;

    public static async Task<bool> HasMemberAsync(UnitOfWork work, Guid councilId, Guid agencyId, CancellationToken ct) =>
        await work.QuerySingleAsync<long>(IsMember, new { CouncilId = councilId, AgencyId = agencyId }, ct) > 0;

    private static async Task<IReadOnlyList<CouncilView>> ViewsAsync(UnitOfWork work, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var members = (await work.QueryAsync<MemberRow>(ReadMembers, new { CouncilIds = rows.Select(r => r.CouncilId).ToArray() }, ct)).ToLookup(m => m.CouncilId);
        return [.. rows.Select(r => new CouncilView(r.CouncilId, r.Name, r.LegalBasis,
            [.. members[r.CouncilId].Select(m => new CouncilMember { AgencyId = m.AgencyId, BoundSince = m.BoundSince })]))];
    }

    private sealed class Row
    {
        public Guid CouncilId { get; init; }
        public string Name { get; init; } = "";
        public string LegalBasis { get; init; } = "";
    }

    private sealed class MemberRow
    {
        public Guid CouncilId { get; init; }
        public Guid AgencyId { get; init; }
        public DateTimeOffset BoundSince { get; init; }
    }
}
