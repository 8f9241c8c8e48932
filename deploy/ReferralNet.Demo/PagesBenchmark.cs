using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace ReferralNet.Demo;

/// <summary>
/// The web app's pages as their users open them, through the gateway: ten users at once (a young person, a school's
/// and a clinic's worker, a coordinator, an administrator, and anyone, twice each), each opening their pages one after
/// another for the given time, reading each for <c>think</c> first (none: the users keep the machine busy, and what is
/// measured is mostly waiting for a turn of the CPU). Prints per page the time to the last byte (p50, p95; on loopback
/// that is the server's time) and the bytes a first visit transfers (the page and the files it loads).
/// </summary>
public static partial class PagesBenchmark
{
    private sealed record Visitor(string Name, HttpClient Client, string[] Pages);

    public static async Task RunAsync(GatewayClient gateway, TimeSpan duration, TimeSpan think)
    {
        var web = new Uri($"http://localhost:{gateway.Address.Port}/");
        var agencies = await DemoNetwork.LoadAsync(gateway);
        var school = agencies.First(a => a.Key.Contains("School", StringComparison.Ordinal)).Value;
        var clinic = agencies.First(a => a.Key.Contains("Clinic", StringComparison.Ordinal)).Value;
        using var teacher = await gateway.AsAsync("pages-benchmark-teacher", "worker", school, careful: true);
        var visitors = new List<Visitor>();
        for (var copy = 0; copy < 2; copy++)
        {
            // A young person of each copy's own: a second code for one person would be a reset, which only waits.
            var referral = await GatewayClient.ReadAsync(await teacher.PostAsJsonAsync("/api/intake/referrals", new
            {
                person = new { familyName = "山田", givenName = $"頁{Guid.NewGuid():N}"[..8], birthDate = "2007-04-02", municipality = "Setagaya" },
                source = "school", needs = new[] { "mental-health", "social-connection" }, summary = "Pages benchmark.",
            }), HttpStatusCode.Created);
            var caseId = referral["caseId"]!.GetValue<Guid>();
            visitors.Add(new("anyone", Browser(web), ["/", "/ask", "/services", "/youth/code", "/youth/sign-in"]));
            visitors.Add(new("young person", await YoungPersonAsync(web, teacher, caseId), ["/youth", "/youth/share", "/youth/access-log"]));
            visitors.Add(new("school worker", await StaffAsync(web, "worker", school), ["/worker", "/worker/cases", "/worker/referrals/new", $"/worker/cases/{caseId}"]));
            visitors.Add(new("coordinator", await StaffAsync(web, "coordinator", null), ["/coordinator"]));
            visitors.Add(new("administrator", await StaffAsync(web, "agency-admin", clinic), ["/admin"]));
        }

        Console.WriteLine($"Weighing each page's first visit, then {visitors.Count} users opening their pages for {duration.TotalSeconds:0} s, reading each for {think.TotalMilliseconds:0} ms...");
        var weights = new Dictionary<string, long>();
        foreach (var visitor in visitors.DistinctBy(v => v.Name))
        {
            foreach (var page in visitor.Pages)
            {
                weights[Key(visitor, page)] = await WeighAsync(visitor.Client, page);
            }
        }
        var times = visitors.SelectMany(v => v.Pages.Select(p => Key(v, p))).Distinct().ToDictionary(k => k, _ => new List<double>());
        var failures = new Dictionary<string, int>();
        var until = Stopwatch.StartNew();
        await Task.WhenAll(visitors.Select(async visitor =>
        {
            while (until.Elapsed < duration)
            {
                foreach (var page in visitor.Pages)
                {
                    if (think > TimeSpan.Zero)
                    {
                        await Task.Delay(think);
                    }
                    var started = Stopwatch.GetTimestamp();
                    using var response = await visitor.Client.GetAsync(page);
                    await response.Content.ReadAsByteArrayAsync();
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    lock (times)
                    {
                        if (response.IsSuccessStatusCode)
                        {
                            times[Key(visitor, page)].Add(elapsed);
                        }
                        else
                        {
                            var failure = $"{Key(visitor, page)}: {(int)response.StatusCode}";
                            failures[failure] = failures.GetValueOrDefault(failure) + 1;
                        }
                    }
                }
            }
        }));

        Console.WriteLine($"  {"page",-44} {"visits",7} {"p50 ms",8} {"p95 ms",8} {"first visit",12}");
        foreach (var (page, measured) in times.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {page,-44} {measured.Count,7} {Measure.Percentile(measured, 0.5),8:0.0} {Measure.Percentile(measured, 0.95),8:0.0} {weights[page] / 1024.0,9:0.0} KB");
        }
        var all = times.Values.SelectMany(t => t).ToList();
        Console.WriteLine($"  all pages: {all.Count} visits ({all.Count / until.Elapsed.TotalSeconds:0.0}/s), p95 {Measure.Percentile(all, 0.95):0.0} ms; baseline GET /health/live p95 {Measure.Percentile(await Measure.BaselineAsync(gateway), 0.95):0.00} ms");
        Console.WriteLine(failures.Count == 0 ? "  every visit answered 200" : $"  failed visits: {string.Join(", ", failures.Select(f => $"{f.Key} ×{f.Value}"))}");
    }

    private static string Key(Visitor visitor, string page) => $"{visitor.Name} {Regex.Replace(page, "[0-9a-f-]{36}", "{id}")}";

    private static int browsers;

    /// <summary>
    /// A browser of its own, from an address of its own: ten people are ten addresses to the gateway's limits (which
    /// trust X-Forwarded-For from loopback, where deploy/run.sh runs the web app).
    /// </summary>
    private static HttpClient Browser(Uri web)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = web };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"10.0.0.{Interlocked.Increment(ref browsers)}");
        return client;
    }

    /// <summary>
    /// The bytes of a page and of the files it loads (style sheets, scripts, icon), as a first visit fetches them: a
    /// browser asks for Brotli or gzip, and what is sent compressed counts as sent.
    /// </summary>
    private static async Task<long> WeighAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        long bytes = System.Text.Encoding.UTF8.GetByteCount(html);
        foreach (Match file in FilesOf().Matches(html))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, file.Groups["src"].Value);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
            using var response = await client.SendAsync(request);
            bytes += (await response.Content.ReadAsByteArrayAsync()).Length;
        }
        return bytes;
    }

    /// <summary>Signs a browser in through the development sign-in's own form, as the pages do.</summary>
    private static async Task<HttpClient> StaffAsync(Uri web, string role, Guid? agency)
    {
        var client = Browser(web);
        var form = new Dictionary<string, string> { ["Role"] = role, ["__RequestVerificationToken"] = TokenOf(await client.GetStringAsync("/sign-in")) };
        if (agency is { } id)
        {
            form["Agency"] = id.ToString();
        }
        (await client.PostAsync("/sign-in/demo", new FormUrlEncodedContent(form))).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>A young person's browser: a new code for the case, then the code and sign-in name pages, as they take them.</summary>
    private static async Task<HttpClient> YoungPersonAsync(Uri web, HttpClient teacher, Guid caseId)
    {
        var code = (await GatewayClient.ReadAsync(await teacher.PostAsync($"/api/intake/cases/{caseId}/youth-access-code", null), HttpStatusCode.Created))
            ["youthAccessCode"]!.GetValue<string>();
        var client = Browser(web);
        for (var attempt = 0; ; attempt++)
        {
            var page = await client.PostAsync("/youth/code", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "code", ["Form.Code"] = code, ["__RequestVerificationToken"] = TokenOf(await client.GetStringAsync("/youth/code")),
            }));
            if (page.RequestMessage!.RequestUri!.AbsolutePath == "/youth/enrol")
            {
                break;
            }
            // The code reaches the consent service as an event; a moment later it works.
            if (attempt > 50)
            {
                throw new InvalidOperationException("The young person's code was not accepted.");
            }
            await Task.Delay(100);
        }
        var enrolled = await client.PostAsync("/youth/enrol", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "credential", ["Form.SignInName"] = $"pages-{Guid.NewGuid():N}"[..20], ["Form.Passphrase"] = "a quiet morning by the river",
            ["__RequestVerificationToken"] = TokenOf(await client.GetStringAsync("/youth/enrol")),
        }));
        enrolled.EnsureSuccessStatusCode();
        return client;
    }

    private static string TokenOf(string html) => AntiforgeryToken().Match(html).Groups["token"].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("(?:href|src)=\"(?<src>/static/[^\"]+)\"")]
    private static partial Regex FilesOf();
}
