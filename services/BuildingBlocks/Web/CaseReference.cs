namespace ReferralNet.BuildingBlocks.Web;

/// <summary>
/// The reference a worker reads and says aloud (API-v3 §9): <c>RN-</c> and eight letters and digits of Crockford's
/// base32 (no I, L, O or U) from the random end of the case's id. Derived, never stored: the id stays the key.
/// </summary>
public static class CaseReference
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Of(Guid caseId)
    {
        var bytes = caseId.ToByteArray();
        // The last five bytes of a version 7 id are random: 40 bits, eight characters of five bits each.
        var bits = 0UL;
        for (var i = bytes.Length - 5; i < bytes.Length; i++)
        {
            bits = (bits << 8) | bytes[i];
        }
        var letters = new char[8];
        for (var i = 7; i >= 0; i--, bits >>= 5)
        {
            letters[i] = Alphabet[(int)(bits & 31)];
        }
        return $"RN-{new string(letters)}";
    }
}
