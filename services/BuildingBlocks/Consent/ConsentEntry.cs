namespace ReferralNet.BuildingBlocks.Consent;

/// <summary>
/// One consent as the index holds it: purposes and categories as bit sets, so a decision is a few integer operations.
/// <see cref="Version"/> is the id of the transaction that last wrote the projection row: a newer row always wins.
/// </summary>
public sealed record ConsentEntry(
    Guid ConsentId, Guid PersonId, int Purposes, int Categories, bool Network, Guid[] AgencyIds, DateTimeOffset ValidUntil, string Status,
    long Version)
{
    private static readonly string[] PurposeOrder = [.. ConsentPurposes.All.Order()];
    private static readonly string[] CategoryOrder = [.. DataCategories.All.Order()];

    public static int PurposeBit(string purpose) => Bit(PurposeOrder, purpose);

    public static int CategoryBit(string category) => Bit(CategoryOrder, category);

    public static int PurposeBits(IEnumerable<string> purposes) => purposes.Aggregate(0, (bits, p) => bits | PurposeBit(p));

    public static int CategoryBits(IEnumerable<string> categories) => categories.Aggregate(0, (bits, c) => bits | CategoryBit(c));

    public bool Covers(Guid agencyId, int category, int purpose) =>
        (Categories & category) != 0 && (Purposes & purpose) != 0 && (Network || Array.IndexOf(AgencyIds, agencyId) >= 0);

    private static int Bit(string[] order, string code)
    {
        var index = Array.IndexOf(order, code);
        return index < 0 ? 0 : 1 << index;
    }
}
