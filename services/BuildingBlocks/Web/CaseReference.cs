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

    /// <summary>
    /// The last ten hex digits of the id a typed reference was made from (how the id's text ends), or null when it is
    /// no reference. Read as Crockford's base32 reads: any case, without the RN- too, I and L as 1, O as 0.
    /// </summary>
    public static string? IdEndOf(string? typed)
    {
        var text = typed?.Trim().ToUpperInvariant() ?? "";
        text = text.StartsWith("RN-", StringComparison.Ordinal) ? text[3..] : text;
        if (text.Length != 8)
        {
            return null;
        }
        var bits = 0UL;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(c switch { 'I' or 'L' => '1', 'O' => '0', _ => c });
            if (value < 0)
            {
                return null;
            }
            bits = (bits << 5) | (uint)value;
        }
        return bits.ToString("x10", System.Globalization.CultureInfo.InvariantCulture);
    }
}
