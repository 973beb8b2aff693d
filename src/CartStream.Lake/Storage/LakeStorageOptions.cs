using System.ComponentModel.DataAnnotations;

namespace CartStream.Lake.Storage;

/// <summary>Where the lake is stored and how to reach it; bound from <c>Lake:Storage</c>.</summary>
public sealed class LakeStorageOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Lake:Storage";

    /// <summary>S3's smallest part size for every part but the last.</summary>
    public const int MinimumPartSizeBytes = 5 * 1024 * 1024;

    /// <summary><c>local</c> or <c>s3</c>.</summary>
    public LakeStorageKind Kind { get; set; } = LakeStorageKind.Local;

    /// <summary>The lake folder (local only), for example <c>./data/lake</c>.</summary>
    public string? Root { get; set; }

    /// <summary>The bucket (S3 only).</summary>
    [RegularExpression("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", ErrorMessage = "Lake:Storage:Bucket must be a valid S3 bucket name (3-63 lower-case letters, digits, '.' or '-').")]
    public string? Bucket { get; set; }

    /// <summary>A key prefix inside the bucket under which <c>topics/</c>, <c>DWH/</c> and <c>_state/</c> live; empty for the bucket's root.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>The AWS region (for example <c>eu-west-1</c>). With <see cref="ServiceUrl"/> it is the signing region (default <c>us-east-1</c>); without, the SDK's default chain finds it when empty.</summary>
    public string? Region { get; set; }

    /// <summary>An endpoint override for S3-compatible servers (MinIO, s3rver, ...), for example <c>http://127.0.0.1:9000</c>.</summary>
    [Url(ErrorMessage = "Lake:Storage:ServiceUrl must be an absolute http(s) URL.")]
    public string? ServiceUrl { get; set; }

    /// <summary>Path-style addressing (<c>host/bucket/key</c>), which most compatible servers need.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>How requests are signed: <c>Default</c> (the SDK's credential chain) or <c>Anonymous</c>.</summary>
    public S3CredentialSource Credentials { get; set; } = S3CredentialSource.Default;

    /// <summary>Objects larger than this go up as a multipart upload; smaller ones as one PutObject. Also the most a single upload buffers in memory.</summary>
    [Range(MinimumPartSizeBytes, 512L * 1024 * 1024, ErrorMessage = "Lake:Storage:MultipartThresholdBytes must be between 5 MiB and 512 MiB.")]
    public long MultipartThresholdBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The size of each part of a multipart upload (the last may be smaller).</summary>
    [Range(MinimumPartSizeBytes, 512 * 1024 * 1024, ErrorMessage = "Lake:Storage:PartSizeBytes must be between 5 MiB and 512 MiB.")]
    public int PartSizeBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How often the SDK retries a failed request (with exponential backoff and jitter) before the store reports a transient error.</summary>
    [Range(0, 20, ErrorMessage = "Lake:Storage:MaxRetries must be between 0 and 20.")]
    public int MaxRetries { get; set; } = 4;

    /// <summary>How long one S3 request may take, in seconds.</summary>
    [Range(1, 3600, ErrorMessage = "Lake:Storage:RequestTimeoutSeconds must be between 1 and 3600.")]
    public int RequestTimeoutSeconds { get; set; } = 100;

    /// <summary>How create-if-absent works on S3: <c>Require</c> atomic conditional writes, or <c>BestEffort</c> for single-writer dev servers.</summary>
    public S3ConditionalCreateMode ConditionalCreate { get; set; } = S3ConditionalCreateMode.Require;

    /// <summary>The prefix as keys use it: empty, or ending with exactly one '/'.</summary>
    public string NormalizedPrefix => Prefix.Trim('/') is { Length: > 0 } p ? p + "/" : "";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind == LakeStorageKind.Local && string.IsNullOrWhiteSpace(Root))
        {
            yield return new ValidationResult("Lake:Storage:Root is required when Lake:Storage:Kind is local.", [nameof(Root)]);
        }

        if (Kind == LakeStorageKind.S3 && string.IsNullOrWhiteSpace(Bucket))
        {
            yield return new ValidationResult("Lake:Storage:Bucket is required when Lake:Storage:Kind is s3.", [nameof(Bucket)]);
        }

        if (NormalizedPrefix.Length > 0 && !IsValidPrefix(NormalizedPrefix))
        {
            yield return new ValidationResult("Lake:Storage:Prefix must be '/'-separated segments, none empty or starting with '.'.", [nameof(Prefix)]);
        }
    }

    private static bool IsValidPrefix(string prefix)
    {
        try
        {
            ObjectKey.ValidatePrefix(prefix);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
