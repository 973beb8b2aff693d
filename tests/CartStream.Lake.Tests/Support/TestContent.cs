namespace CartStream.Lake.Tests.Support;

/// <summary>Reproducible bytes for a test.</summary>
public static class TestContent
{
    /// <summary><paramref name="length"/> pseudo-random bytes from <paramref name="seed"/>.</summary>
    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
