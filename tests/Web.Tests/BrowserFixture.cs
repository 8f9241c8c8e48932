using Microsoft.Playwright;
using ReferralNet.Testing;

namespace ReferralNet.Web.Tests;

/// <summary>
/// The running network (gateway, services, web app) and Debian's Chromium driven by Playwright: no browser is
/// downloaded (<c>REFERRALNET_CHROMIUM</c> names another executable).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ReferralNetwork Network { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Network = await ReferralNetwork.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("REFERRALNET_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // Without the background-networking flags Chromium tries Google's hosts, which this machine's network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Network.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
