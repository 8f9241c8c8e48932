using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace ReferralNet.BuildingBlocks.Hosting;

/// <summary>Settings read from one section of the configuration (and so from the environment: <c>Section__Name</c>).</summary>
public interface IOptionsSection
{
    static abstract string Section { get; }
}

public static class ValidatedOptions
{
    /// <summary>Binds <typeparamref name="T"/> to its section and checks its <see cref="ValidationAttribute"/>s at start: a bad setting stops the service there, not at first use.</summary>
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services) where T : class, IOptionsSection
    {
        services.AddOptions<T>().BindConfiguration(T.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
