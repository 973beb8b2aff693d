namespace CartStream.Generator.Sampling;

/// <summary>
/// Draws an index with probability proportional to its weight in constant time (Vose's alias method): the hot
/// path picks products and customers from thousands of weights once per line.
/// </summary>
internal sealed class AliasSampler
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    public AliasSampler(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        if (n == 0)
        {
            throw new ArgumentException("At least one weight is needed.", nameof(weights));
        }

        var total = 0.0;
        foreach (var w in weights)
        {
            total += w >= 0 ? w : throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        }

        _probability = new double[n];
        _alias = new int[n];
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }

        foreach (var i in large.Concat(small))
        {
            _probability[i] = 1;
            _alias[i] = i;
        }
    }

    public int Count => _probability.Length;

    /// <summary>Weights 1/rank^exponent for ranks 1..count: the long-tailed popularity of products and customers.</summary>
    public static AliasSampler Zipf(int count, double exponent)
    {
        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            weights[i] = 1 / Math.Pow(i + 1, exponent);
        }

        return new AliasSampler(weights);
    }

    public int Sample(DeterministicRandom random)
    {
        // One 64-bit draw: the high half picks the column, the low half decides between it and its alias.
        var r = random.NextUInt64();
        var column = (int)(((r >> 32) * (ulong)_probability.Length) >> 32);
        var u = (r & 0xFFFFFFFFUL) * (1.0 / 4294967296.0);
        return u < _probability[column] ? column : _alias[column];
    }
}
