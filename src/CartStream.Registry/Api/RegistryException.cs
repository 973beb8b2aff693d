namespace CartStream.Registry.Api;

/// <summary>
/// A request the registry refuses, with the HTTP status and the Confluent error code the client library maps
/// to its own exception (<c>{"error_code": 40401, "message": "..."}</c>).
/// </summary>
internal sealed class RegistryException(int statusCode, int errorCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public int ErrorCode { get; } = errorCode;

    public static RegistryException SubjectNotFound(string subject) => new(404, 40401, $"Subject '{subject}' not found.");

    public static RegistryException VersionNotFound(string subject, string version) =>
        new(404, 40402, $"Version {version} not found for subject '{subject}'.");

    public static RegistryException SchemaNotFound(string what) => new(404, 40403, $"Schema {what} not found.");

    public static RegistryException SubjectNotSoftDeleted(string subject) =>
        new(404, 40405, $"Subject '{subject}' was not deleted first before being permanently deleted.");

    public static RegistryException SubjectLevelNotConfigured(string subject) =>
        new(404, 40408, $"Subject '{subject}' does not have subject-level compatibility configured.");

    public static RegistryException Incompatible(string message) => new(409, 409, message);

    public static RegistryException InvalidSchema(string message) => new(422, 42201, message);

    public static RegistryException InvalidVersion(string version) =>
        new(422, 42202, $"The specified version '{version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\".");

    public static RegistryException InvalidCompatibilityLevel(string? level) =>
        new(422, 42203, $"Invalid compatibility level '{level}'. Valid values are NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL and FULL_TRANSITIVE.");

    public static RegistryException BadRequest(string message) => new(400, 400, message);

    public static RegistryException StoreFailed(string message) => new(500, 50001, $"Error in the backend data store: {message}");
}
