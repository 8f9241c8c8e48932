using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ReferralNet.BuildingBlocks.Hosting;

/// <summary>
/// What a process would refuse at start in its settings, found without starting it: a deployment's settings are
/// checked against the process itself (<c>--check-settings</c>), not against a list kept beside it.
/// </summary>
public static class SettingsCheck
{
    public static IReadOnlyList<string> Refusals(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException refused)
        {
            return [.. refused.Failures];
        }
        catch (AggregateException refused)
        {
            return [.. refused.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
    }
}
