using System.Globalization;
using ReferralNet.Insights.Features.Flow;
using ReferralNet.Insights.Features.Periods;
using ReferralNet.Insights.Features.Summary;
using ReferralNet.Testing;
using Xunit.Abstractions;

namespace ReferralNet.Insights.Tests.Features.Summary;

/// <summary>
/// Invariant 5 against an attacker who may ask every question a coordinator may: a year of offers between six agencies,
/// small cells everywhere, read for every week, month, quarter and the year, by agency and by kind (rows, columns,
/// network). The attacker takes every sum and difference of two or three answers that counts exactly one set of offers
/// and tries to read a count between 1 and k-1 from it. With the figures as published (the cell-key method, then k)
/// none is determined; with the k rule alone, as wave 2 published, the same attacker finds them.
/// </summary>
[Trait(Tier.Trait, Tier.Unit)]
public sealed class DifferencingAttackTests(ITestOutputHelper output)
{
    private const int K = 10;
    private const int Offers = 1500;

    private sealed record Offer(int Index, DateOnly Day, Guid From, Guid To, KeyedCount Key);

    /// <summary>A figure as the attacker reads it: its value, and (known to the test only) the offers it counts.</summary>
    private sealed record Answer(long Value, ulong[] Offers, int Size);

    [Fact]
    public void No_sum_or_difference_of_two_or_three_answers_determines_a_hidden_count()
    {
        var offers = Generate();
        var published = Answers(offers, perturbed: true);
        var plain = Answers(offers, perturbed: false);

        // The mechanism: each figure is at most 2 from its count, the noise is there, and the same offers always show the same figure.
        Assert.All(published, a => Assert.InRange(a.Value, Math.Max(0, a.Size - 2), a.Size + 2));
        Assert.True(published.Count(a => a.Value != a.Size) > published.Count / 3, "too few figures are perturbed");

        var determined = Determined(published, exact: false);
        var determinedByPlainK = Determined(plain, exact: true);

        output.WriteLine($"{Offers} offers, {published.Count} distinct figures shown ({plain.Count} with the k rule alone); " +
            $"counts of 1..{K - 1} determined: {determined.Count} with cell keys, {determinedByPlainK.Count} with the k rule alone");
        Assert.True(published.Count > 300, $"only {published.Count} distinct figures were read");
        Assert.Empty(determined);
        Assert.NotEmpty(determinedByPlainK); // the attack is real: the k rule alone gives counts away
    }

    private static List<Offer> Generate()
    {
        var random = new Random(20261207);
        // Agencies 1 and 2 are schools; 3 to 6 a clinic, two CSOs and a youth support centre (KindOf).
        var agencies = Enumerable.Range(1, 6).Select(n => new Guid($"00000000-0000-4000-8000-{n:000000000000}")).ToArray();
        return [.. Enumerable.Range(0, Offers).Select(i =>
        {
            var from = agencies[random.Next(2)];
            var to = agencies[2 + random.Next(4)];
            var id = new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256))]);
            return new Offer(i, new DateOnly(2026, 1, 1).AddDays(random.Next(365)), from, to, new KeyedCount(1, CellKeys.Of(id, FlowMetrics.Offers)));
        })];
    }

    private static string KindOf(Guid agency) => agency.ToString()[^1] switch
    {
        '1' or '2' => AgencyKinds.School,
        '3' => AgencyKinds.Clinic,
        '4' or '5' => AgencyKinds.Cso,
        _ => AgencyKinds.YouthSupportCentre,
    };

    private static IEnumerable<ReportingPeriod> Periods() =>
        Enumerable.Range(1, ISOWeek.GetWeeksInYear(2026)).Select(w => $"2026-W{w:00}")
            .Concat(Enumerable.Range(1, 12).Select(m => $"2026-{m:00}"))
            .Concat(Enumerable.Range(1, 4).Select(q => $"2026-Q{q}"))
            .Append("2026")
            .Select(name => ReportingPeriod.Parse(name)!);

    /// <summary>Every distinct figure a coordinator may read, shown ones only, as published (or with the k rule alone).</summary>
    private static List<Answer> Answers(List<Offer> offers, bool perturbed)
    {
        var k = new Disclosure(K);
        var answers = new Dictionary<string, Answer>();
        foreach (var period in Periods())
        {
            var inPeriod = offers.Where(o => o.Day >= period.Start && o.Day < period.EndExclusive).ToList();
            var pairs = inPeriod.GroupBy(o => (o.From, o.To)).Select(g => new AgencyPairFlow
            {
                FromAgencyId = g.Key.From, ToAgencyId = g.Key.To, FromKind = KindOf(g.Key.From), ToKind = KindOf(g.Key.To),
                Offered = g.Count(), OfferedKey = KeyedCount.Sum(g.Select(o => o.Key)).Key,
            }).ToList();
            foreach (var by in new[] { FlowGroupings.Agency, FlowGroupings.AgencyKind })
            {
                string Group(Guid agency) => by == FlowGroupings.Agency ? agency.ToString() : KindOf(agency);
                var (cells, totals) = FlowTable.Build(pairs, by, k);
                var figures = cells.Select(c => (c.Offered, Counted: inPeriod.Where(o => Group(o.From) == c.From && Group(o.To) == c.To)))
                    .Concat(totals.From.Select(t => (t.Offered, Counted: inPeriod.Where(o => Group(o.From) == t.Group))))
                    .Concat(totals.To.Select(t => (t.Offered, Counted: inPeriod.Where(o => Group(o.To) == t.Group))))
                    .Append((totals.Network.Offered, Counted: inPeriod));
                foreach (var (figure, counted) in figures)
                {
                    var set = counted.ToList();
                    var value = perturbed ? figure.Count : set.Count is 0 or >= K ? set.Count : null;
                    if (value is null)
                    {
                        continue;
                    }
                    var bits = new ulong[(Offers + 63) / 64];
                    set.ForEach(o => bits[o.Index / 64] |= 1UL << (o.Index % 64));
                    var support = string.Join(',', bits);
                    // The same offers, asked for in another way, must show the same figure (nothing to average away).
                    Assert.True(!answers.TryGetValue(support, out var earlier) || earlier.Value == value, "one set of offers showed two figures");
                    answers[support] = new Answer(value.Value, bits, set.Count);
                }
            }
        }
        return [.. answers.Values];
    }

    /// <summary>
    /// The hidden counts the attacker determines: a combination of two or three answers whose offers are exactly one set
    /// of 1..k-1 offers, when the answers leave the attacker one possible count for it. Published figures are known to
    /// be within 2 of their counts (<paramref name="exact"/>: taken as the counts themselves).
    /// </summary>
    private static List<string> Determined(List<Answer> answers, bool exact)
    {
        var found = new List<string>();
        (long Low, long High) Range(Answer a) => exact || a.Value == 0 ? (a.Value, a.Value) : (Math.Max(1, a.Value - 2), a.Value + 2);
        void Check(IReadOnlyList<(Answer Answer, int Sign)> terms, int size)
        {
            if (size is < 1 or >= K)
            {
                return;
            }
            var (low, high) = (0L, 0L);
            foreach (var (answer, sign) in terms)
            {
                var (lo, hi) = Range(answer);
                (low, high) = sign > 0 ? (low + lo, high + hi) : (low - hi, high - lo);
            }
            if (low == high)
            {
                found.Add($"{string.Join(' ', terms.Select(t => $"{(t.Sign > 0 ? '+' : '-')}{t.Answer.Value}"))} = {low} offers");
            }
        }
        var subsets = answers.Select(a => answers.Where(b => !ReferenceEquals(a, b) && Within(b.Offers, a.Offers)).ToList()).ToList();
        var indexOf = new Dictionary<Answer, int>(answers.Select((a, i) => KeyValuePair.Create(a, i)), ReferenceEqualityComparer.Instance);
        for (var i = 0; i < answers.Count; i++)
        {
            var a = answers[i];
            for (var j = i + 1; j < answers.Count; j++)
            {
                if (Disjoint(a.Offers, answers[j].Offers))
                {
                    Check([(a, 1), (answers[j], 1)], a.Size + answers[j].Size);
                }
            }
            foreach (var b in subsets[i])
            {
                Check([(a, 1), (b, -1)], a.Size - b.Size);
                foreach (var c in subsets[i].Where(c => Disjoint(b.Offers, c.Offers)))
                {
                    Check([(a, 1), (b, -1), (c, -1)], a.Size - b.Size - c.Size);
                }
                foreach (var c in subsets[indexOf[b]])
                {
                    Check([(a, 1), (b, -1), (c, 1)], a.Size - b.Size + c.Size);
                }
            }
        }
        return found;
    }

    private static bool Within(ulong[] inner, ulong[] outer)
    {
        for (var i = 0; i < inner.Length; i++)
        {
            if ((inner[i] & ~outer[i]) != 0)
            {
                return false;
            }
        }
        return true;
    }

    private static bool Disjoint(ulong[] one, ulong[] other)
    {
        for (var i = 0; i < one.Length; i++)
        {
            if ((one[i] & other[i]) != 0)
            {
                return false;
            }
        }
        return true;
    }
}
