using System.Globalization;
using ReferralNet.Web.Features.Worker;
using ReferralNet.Web.Features.Youth;
using ReferralNet.Web.Gateway;

namespace ReferralNet.Web.Features.Coordinator;

/// <summary>A count as insights discloses it: null and suppressed when it (or what it hides) is below k.</summary>
public sealed record DisclosedCount(long? Count, bool Suppressed);

public sealed record DisclosedDurations(double? P50Hours, double? P90Hours, bool Suppressed);

public sealed record PassesPerCase(DisclosedCount Zero, DisclosedCount One, DisclosedCount Two, DisclosedCount ThreeOrMore);

public sealed record Summary(
    DateOnly From, DateOnly To, int MinimumCount, DisclosedCount ReferralsOpened, DisclosedCount Offers, DisclosedCount Accepted,
    double? AcceptanceRate, DisclosedDurations TimeToAccept, DisclosedDurations TimeToFirstContact, PassesPerCase PassesPerCase,
    DisclosedCount OpenEscalations, DisclosedCount StuckHandoffs, SupportFigures? Support = null, MeetingFigures? Meetings = null);

public sealed record CouncilMeetings(Guid CouncilId, DisclosedCount Count);

/// <summary>The meetings around young people in the period: held, their actions, each council's support meetings.</summary>
public sealed record MeetingFigures(
    DisclosedCount ConferencesHeld, DisclosedCount JointMeetingsHeld, DisclosedCount ActionsOnTime, DisclosedCount ActionsLate,
    IReadOnlyList<CouncilMeetings> SupportMeetings);

public sealed record FollowUpsByResult(DisclosedCount StillConnected, DisclosedCount NeedsHelpAgain, DisclosedCount NoContact);

/// <summary>How the teams' support plans moved in the period: steps, reviews, follow-ups.</summary>
public sealed record SupportFigures(
    DisclosedCount StepsForward, DisclosedCount StepsBack, DisclosedCount ReviewsOnTime, DisclosedCount ReviewsLate, FollowUpsByResult FollowUps);

public sealed record FlowCell(string From, string To, DisclosedCount Offered, DisclosedCount Accepted, DisclosedCount Passed);

public sealed record Flow(string Period, int MinimumCount, IReadOnlyList<FlowCell> Cells);

public sealed record Escalation(
    Guid EscalationId, Guid CaseId, string Reason, int PassCount, string Status, DateTimeOffset OpenedAt, Guid? LeadAgencyId, Guid? AssignedAgencyId);

/// <summary>One bar of a chart: its period's label and its figure as disclosed.</summary>
public sealed record Bar(string Label, DisclosedCount Value);

/// <summary>The coordinator's reads: figures of the network (never a person) and escalations (ids and codes).</summary>
public sealed class InsightsApi(GatewayApi gateway)
{
    /// <summary>The figures of a whole ended period (<c>2026-W48</c>, <c>2026-11</c>); without one, of the last ended month.</summary>
    public Task<ApiResult<Summary>> SummaryAsync(string? period, CancellationToken ct) =>
        gateway.GetAsync<Summary>(period is null ? "/api/insights/summary" : $"/api/insights/summary?period={period}", ct);

    public Task<ApiResult<Flow>> FlowAsync(string period, CancellationToken ct) =>
        gateway.GetAsync<Flow>($"/api/insights/flow?period={period}&by=agency-kind", ct);

    public Task<ApiResult<ListOf<Escalation>>> OpenEscalationsAsync(CancellationToken ct) =>
        gateway.GetAsync<ListOf<Escalation>>($"/api/handoffs/escalations?status={EscalationStatuses.Open}&limit=200", ct);

    /// <summary>Gives the case to an agency of the directory, which becomes a member of its team.</summary>
    public Task<ApiResult<object>> AssignEscalationAsync(Guid escalation, Guid? agency, CancellationToken ct) =>
        gateway.PostAsync<object>($"/api/handoffs/escalations/{escalation}/assign", new { agencyId = agency }, ct);

    public Task<ApiResult<object>> ResolveEscalationAsync(Guid escalation, string? resolution, CancellationToken ct) =>
        gateway.PostAsync<object>($"/api/handoffs/escalations/{escalation}/resolve", new { resolution }, ct);

    /// <summary>
    /// Referrals received per period, the last <paramref name="count"/> whole weeks (Monday to Sunday) or months that have
    /// ended, each a summary of its own: a figure as the API discloses it (perturbed, and hidden below k).
    /// </summary>
    public async Task<IReadOnlyList<Bar>> ReferralsPerPeriodAsync(bool months, int count, DateOnly today, CultureInfo culture, CancellationToken ct)
    {
        var periods = Enumerable.Range(1, count).Reverse().Select(back =>
        {
            if (months)
            {
                var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
                var name = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                return (Label: name, Name: name);
            }
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(-7 * back);
            var day = monday.ToDateTime(TimeOnly.MinValue);
            return (Label: monday.ToString("M/d", culture), Name: $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
        }).ToList();
        var summaries = await Task.WhenAll(periods.Select(p => SummaryAsync(p.Name, ct)));
        return [.. periods.Zip(summaries, (p, s) => new Bar(p.Label, s.Value?.ReferralsOpened ?? new DisclosedCount(null, true)))];
    }
}
