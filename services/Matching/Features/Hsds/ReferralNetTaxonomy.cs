using System.Security.Cryptography;
using System.Text;

namespace ReferralNet.Matching.Features.Hsds;

/// <summary>
/// ReferralNet's vocabularies published as HSDS taxonomies: the needs a service covers, the ways it meets a young
/// person, and the directory's facts (places, fee, publication, an organization's kind and town), whose attributes carry
/// the fact as their value. Every id is derived from the code (<see cref="StableId"/>), so it is the same in every
/// network and every release, and another system can tag its listings with them.
/// </summary>
public static class ReferralNetTaxonomy
{
    private static readonly Guid Namespace = Guid.Parse("4f0c1f9e-6d1a-4c55-9b1e-7a3e2d0c5b11");

    public static readonly HsdsTaxonomy NeedsTaxonomy = Taxonomy("needs", "ReferralNet needs",
        "What a young person needs help with, and what a service covers.");

    public static readonly HsdsTaxonomy ModalitiesTaxonomy = Taxonomy("modalities", "ReferralNet modalities",
        "How a service meets a young person; online chat, video and phone need no visit (a virtual location).");

    public static readonly HsdsTaxonomy FactsTaxonomy = Taxonomy("facts", "ReferralNet directory facts",
        "What ReferralNet keeps of a service or an organization beyond the standard's fields; the attribute's value is the fact.");

    public static readonly IReadOnlyList<HsdsTaxonomy> Taxonomies = [NeedsTaxonomy, ModalitiesTaxonomy, FactsTaxonomy];

    private static readonly IReadOnlyDictionary<string, (string Name, string Description)> NeedWords = new Dictionary<string, (string, string)>
    {
        [Needs.MentalHealth] = ("Mental health", "Worry, low mood, anxiety or other strain on the mind."),
        [Needs.SocialConnection] = ("Social connection", "Someone to talk to, a place to belong, a first step out of isolation."),
        [Needs.Education] = ("Education", "School attendance, learning support and alternative schooling."),
        [Needs.Employment] = ("Employment", "Work experience, job coaching and a way into work."),
        [Needs.FamilySupport] = ("Family support", "Help for the family living with the young person."),
        [Needs.DevelopmentalAssessment] = ("Developmental assessment", "Assessment and support for developmental differences."),
        [Needs.Financial] = ("Financial", "Money for daily life, benefits and their applications."),
        [Needs.Housing] = ("Housing", "A safe and stable place to live."),
        [Needs.Health] = ("Health", "Physical health care."),
        [Needs.Safety] = ("Safety", "Protection from harm at home or elsewhere."),
    };

    private static readonly IReadOnlyDictionary<string, (string Name, string Description)> ModalityWords = new Dictionary<string, (string, string)>
    {
        [Modalities.OnlineChat] = ("Online chat", "Written messages, no visit needed."),
        [Modalities.Video] = ("Video", "A video call, no visit needed."),
        [Modalities.Phone] = ("Phone", "A phone call, no visit needed."),
        [Modalities.InPerson] = ("In person", "A meeting at the service's place."),
        [Modalities.HomeVisit] = ("Home visit", "A worker visits the young person at home."),
    };

    private static readonly IReadOnlyDictionary<string, (string Name, string Description)> FactWords = new Dictionary<string, (string, string)>
    {
        [DirectoryFacts.PlacesAvailable] = ("Places available", "Free places now; the value is a whole number."),
        [DirectoryFacts.PlacesMaximum] = ("Places in all", "Places in all; the value is a whole number, 0 when no count is kept."),
        [DirectoryFacts.WaitWeeks] = ("Waiting list in weeks", "Weeks on the waiting list when no place is free."),
        [DirectoryFacts.Fee] = ("Fee", "What the service costs: free, sliding-scale or fee."),
        [DirectoryFacts.PublishedForSelfReferral] = ("Published for self-referral", "Young people may find the service and ask for it themselves."),
        [DirectoryFacts.AgencyKind] = ("Kind of agency", "school, clinic, welfare-office, child-consultation-centre, youth-support-centre, cso, employment-support or other."),
        [DirectoryFacts.Municipality] = ("Municipality", "The municipality the organization is based in."),
    };

    public static readonly IReadOnlyList<HsdsTaxonomyTerm> Terms =
    [
        .. Needs.All.Order().Select(code => Term(NeedsTaxonomy, "needs", code, NeedWords[code])),
        .. Modalities.All.Order().Select(code => Term(ModalitiesTaxonomy, "modalities", code, ModalityWords[code])),
        .. DirectoryFacts.All.Order().Select(code => Term(FactsTaxonomy, "facts", code, FactWords[code])),
    ];

    private static readonly IReadOnlyDictionary<Guid, HsdsTaxonomyTerm> TermsById = Terms.ToDictionary(t => t.Id);

    public static Guid NeedTerm(string need) => TermId("needs", need);

    public static Guid ModalityTerm(string modality) => TermId("modalities", modality);

    public static Guid FactTerm(string fact) => TermId("facts", fact);

    /// <summary>One of ReferralNet's own terms (the rest are foreign: an importing system's own vocabulary).</summary>
    public static bool IsOwn(Guid? termId) => termId is { } id && TermsById.ContainsKey(id);

    /// <summary>The need, modality or fact code of one of ReferralNet's terms, with the taxonomy it belongs to.</summary>
    public static HsdsTaxonomyTerm? Find(Guid? termId) => termId is { } id ? TermsById.GetValueOrDefault(id) : null;

    private static Guid TermId(string vocabulary, string code) => StableId.For(Namespace, $"term/{vocabulary}/{code}");

    private static HsdsTaxonomy Taxonomy(string vocabulary, string name, string description) => new()
    {
        Id = StableId.For(Namespace, $"taxonomy/{vocabulary}"), Name = name, Description = description, Version = "1",
    };

    private static HsdsTaxonomyTerm Term(HsdsTaxonomy taxonomy, string vocabulary, string code, (string Name, string Description) words) => new()
    {
        Id = TermId(vocabulary, code), Code = code, Name = words.Name, Description = words.Description,
        Taxonomy = taxonomy.Name, TaxonomyId = taxonomy.Id, Language = "en",
    };
}

/// <summary>
/// A name-based UUID (RFC 9562 version 5): the same scope and name give the same id, so what the directory writes for a
/// service (its attributes, areas, its online location) keeps its ids however often it is written.
/// </summary>
public static class StableId
{
    public static Guid For(Guid scope, string name)
    {
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        scope.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
