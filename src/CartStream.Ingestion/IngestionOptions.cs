using System.ComponentModel.DataAnnotations;

namespace CartStream.Ingestion;

/// <summary>Where and how the producer sends events. Bound from the <c>Ingestion</c> section.</summary>
public sealed class IngestionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Ingestion";

    /// <summary>The topic events go to.</summary>
    [Required]
    [RegularExpression("^[a-zA-Z0-9._-]{1,249}$", ErrorMessage = "Ingestion:Topic must be a legal Kafka topic name.")]
    public string Topic { get; set; } = "sales-events";

    /// <summary>Partitions to create the topic with when it does not exist yet.</summary>
    [Range(1, 1024)]
    public int Partitions { get; set; } = 6;

    /// <summary>Schema registry URL (an embedded one or a Confluent Schema Registry).</summary>
    [Required]
    [Url]
    public string SchemaRegistryUrl { get; set; } = "http://127.0.0.1:8081";

    /// <summary>How long to wait for the cluster at start before failing with a clear error.</summary>
    [Range(1, 600)]
    public int ConnectTimeoutSeconds { get; set; } = 15;
}
