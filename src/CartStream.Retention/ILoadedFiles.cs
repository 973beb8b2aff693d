namespace CartStream.Retention;

/// <summary>
/// The warehouse's answer to "is this model file loaded?": retention deletes a file under <c>DWH/</c> only when
/// this says yes. The warehouse's load manifest is the real source; <see cref="LakeLoadMarkers"/> reads markers
/// in the lake for a warehouse that writes them.
/// </summary>
public interface ILoadedFiles
{
    /// <summary>True when every row of the model file <paramref name="key"/> (a lake key under <c>DWH/</c>) is in the warehouse.</summary>
    Task<bool> IsLoadedAsync(string key, CancellationToken cancellationToken = default);
}
