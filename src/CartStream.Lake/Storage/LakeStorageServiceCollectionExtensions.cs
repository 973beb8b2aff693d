using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartStream.Lake.Storage;

/// <summary>Registers the lake's object store in a host.</summary>
public static class LakeStorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="LakeStorageOptions"/> from <c>Lake:Storage</c>, validates them at start (a wrong setting
    /// fails with a message naming its key) and registers one shared <see cref="IObjectStore"/>.
    /// </summary>
    public static IServiceCollection AddLakeStorage(this IServiceCollection services, Action<LakeStorageOptions>? configure = null)
    {
        var builder = services.AddOptions<LakeStorageOptions>().BindConfiguration(LakeStorageOptions.SectionName);
        if (configure is not null)
        {
            builder.PostConfigure(configure);
        }

        builder.ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IObjectStore>(provider => ObjectStoreFactory.Create(
            provider.GetRequiredService<IOptions<LakeStorageOptions>>().Value,
            provider.GetService<ILoggerFactory>()));
        return services;
    }
}
