using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartStream.Cli.Hosting;

/// <summary>Binds and validates one component's options class, so a wrong setting fails at start naming its key.</summary>
public static class OptionsLoader
{
    /// <summary>
    /// The options in <paramref name="section"/>, validated with their data annotations; throws
    /// <see cref="OptionsValidationException"/> naming every invalid member.
    /// </summary>
    public static T Load<T>(IConfiguration configuration, string section)
        where T : class
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<T>>().Value;
    }
}
