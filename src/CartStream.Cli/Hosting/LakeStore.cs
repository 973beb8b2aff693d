using CartStream.Lake.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CartStream.Cli.Hosting;

/// <summary>Opens the lake every command shares: <c>Lake:Storage</c> from configuration, else the data directory's <c>lake/</c> folder.</summary>
public static class LakeStore
{
    /// <summary>The object store of the lake; a local lake's folder is created when missing.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A Lake:Storage setting is invalid.</exception>
    public static IObjectStore Open(IConfiguration configuration, DataDirectory data, ILoggerFactory logging)
    {
        // A local lake lives under the data directory unless configuration names another folder.
        var rootKey = $"{LakeStorageOptions.SectionName}:{nameof(LakeStorageOptions.Root)}";
        var storageConfiguration = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { [rootKey] = configuration[rootKey] ?? data.Lake })
            .Build();
        var storage = OptionsLoader.Load<LakeStorageOptions>(storageConfiguration, LakeStorageOptions.SectionName);
        if (storage.Kind == LakeStorageKind.Local)
        {
            Directory.CreateDirectory(storage.Root!);
        }

        return ObjectStoreFactory.Create(storage, logging);
    }
}
