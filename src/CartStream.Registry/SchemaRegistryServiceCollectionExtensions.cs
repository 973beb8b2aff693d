namespace CartStream.Registry;

/// <summary>Adds the embedded registry to a host.</summary>
public static class SchemaRegistryServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SchemaRegistryOptions"/> from the <c>SchemaRegistry</c> section (validated at start, so a
    /// wrong setting fails naming its key) and runs the registry as a hosted service.
    /// </summary>
    public static IServiceCollection AddSchemaRegistry(this IServiceCollection services)
    {
        services.AddOptions<SchemaRegistryOptions>()
            .BindConfiguration(SchemaRegistryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SchemaRegistryHostedService>();
        services.AddHostedService(provider => provider.GetRequiredService<SchemaRegistryHostedService>());
        return services;
    }
}
