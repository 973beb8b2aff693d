namespace CartStream.Transform.Quality;

/// <summary>A raw file the transform could not read, set aside with the reason.</summary>
/// <param name="Key">The file's key in the lake.</param>
/// <param name="Error">What was wrong, as the reader said it.</param>
public sealed record QuarantinedFile(string Key, string Error);
