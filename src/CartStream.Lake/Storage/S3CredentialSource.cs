namespace CartStream.Lake.Storage;

/// <summary>How the S3 store signs its requests.</summary>
public enum S3CredentialSource
{
    /// <summary>
    /// The AWS SDK's default chain: environment variables (<c>AWS_ACCESS_KEY_ID</c>, ...), the shared profile,
    /// web identity, container and instance roles. Keys never go in the lake's configuration.
    /// </summary>
    Default,

    /// <summary>Unsigned requests: public buckets and local test servers.</summary>
    Anonymous,
}
