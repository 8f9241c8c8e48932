using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ReferralNet.Web.Tests;

/// <summary>A browser test: when it fails, the pages it opened are kept as pictures (TestResults/screenshots/failed).</summary>
[XunitTestCaseDiscoverer("ReferralNet.Web.Tests.BrowserFactDiscoverer", "Web.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute;

/// <summary>A browser test for each row of data, kept as pictures when it fails as <see cref="BrowserFactAttribute"/> is.</summary>
[XunitTestCaseDiscoverer("ReferralNet.Web.Tests.BrowserTheoryDiscoverer", "Web.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute;

public sealed class BrowserFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new BrowserTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod)];
}

public sealed class BrowserTheoryDiscoverer(IMessageSink diagnostics) : TheoryDiscoverer(diagnostics)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        [new BrowserTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, dataRow)];
}

/// <summary>Runs the test, then keeps its pages as pictures if it failed, and closes them either way.</summary>
public sealed class BrowserTestCase : XunitTestCase
{
    [Obsolete("For the test runner's deserialization only.")]
    public BrowserTestCase()
    {
    }

    public BrowserTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, object[]? arguments = null)
        : base(diagnostics, display, displayOptions, testMethod, arguments)
    {
    }

    public override async Task<RunSummary> RunAsync(IMessageSink diagnostics, IMessageBus messageBus, object[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellation)
    {
        var summary = await base.RunAsync(diagnostics, messageBus, constructorArguments, aggregator, cancellation);
        await PagesOfTheTest.CloseAsync(summary.Failed > 0 ? DisplayName : null);
        return summary;
    }
}

/// <summary>The pages the running browser test opened (the browser tests run one after another).</summary>
public static class PagesOfTheTest
{
    private static readonly ConcurrentQueue<IPage> Open = new();

    public static void Opened(IPage page) => Open.Enqueue(page);

    /// <summary>Closes the pages, keeping a picture of each first when <paramref name="failedTest"/> names the test that failed.</summary>
    public static async Task CloseAsync(string? failedTest)
    {
        for (var n = 1; Open.TryDequeue(out var page); n++)
        {
            if (failedTest is not null && !page.IsClosed)
            {
                var name = new string([.. failedTest.Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
                await Browsing.SaveScreenshotAsync(page, Path.Combine("failed", $"{name[..Math.Min(name.Length, 150)]}-{n}.png"));
            }
            await page.Context.CloseAsync();
        }
    }
}
