using System.Numerics;
using System.Runtime.CompilerServices;

namespace KoreaTimeline.Extraction.Syntax;

/// <summary>
/// The weights of a trained linear classifier: feature key to a dense row of class scores, in one open-addressing
/// table of 64-bit keys and one flat float array, so scoring a feature is one probe and one vector add.
/// </summary>
internal sealed class LinearModel
{
    private readonly ulong[] keys;
    private readonly int[] rows;
    private readonly float[] weights;
    private readonly int mask;

    public LinearModel(int classes, IReadOnlyList<(ulong Key, float[] Row)> features)
    {
        Classes = classes;
        Count = features.Count;
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, features.Count * 2));
        mask = capacity - 1;
        keys = new ulong[capacity];
        rows = new int[capacity];
        weights = new float[features.Count * classes];
        for (var i = 0; i < features.Count; i++)
        {
            var (key, row) = features[i];
            var slot = Slot(key);
            while (keys[slot] != 0 && keys[slot] != key)
            {
                slot = (slot + 1) & mask;
            }

            keys[slot] = key;
            rows[slot] = i;
            row.AsSpan(0, classes).CopyTo(weights.AsSpan(i * classes, classes));
        }
    }

    public int Classes { get; }

    /// <summary>The number of features with a weight.</summary>
    public int Count { get; }

    /// <summary>Bytes held by the table and the weights.</summary>
    public long Bytes => (keys.Length * 12L) + (weights.Length * 4L);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & mask;

    /// <summary>Sets <paramref name="scores"/> to the sum of the rows of the known <paramref name="features"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        var c = Classes;
        foreach (var key in features)
        {
            var slot = Slot(key);
            while (true)
            {
                var k = keys[slot];
                if (k == key)
                {
                    Add(scores, weights.AsSpan(rows[slot] * c, c));
                    break;
                }

                if (k == 0)
                {
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<float> acc, ReadOnlySpan<float> row)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var n = Vector<float>.Count;
            for (; i <= row.Length - n; i += n)
            {
                (new Vector<float>(acc[i..]) + new Vector<float>(row[i..])).CopyTo(acc[i..]);
            }
        }

        for (; i < row.Length; i++)
        {
            acc[i] += row[i];
        }
    }

    /// <summary>The index of the highest score, ties to the lowest index.</summary>
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Writes the non-zero weights sparsely as half floats: key, count, then (class, weight) pairs.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes);
        writer.Write(Count);
        for (var slot = 0; slot < keys.Length; slot++)
        {
            if (keys[slot] == 0)
            {
                continue;
            }

            var row = weights.AsSpan(rows[slot] * Classes, Classes);
            writer.Write(keys[slot]);
            var nonZero = 0;
            foreach (var w in row)
            {
                nonZero += (Half)w != Half.Zero ? 1 : 0;
            }

            writer.Write((byte)nonZero);
            for (var j = 0; j < row.Length; j++)
            {
                if ((Half)row[j] != Half.Zero)
                {
                    writer.Write((byte)j);
                    writer.Write((Half)row[j]);
                }
            }
        }
    }

    public static LinearModel Read(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        var count = reader.ReadInt32();
        var features = new List<(ulong, float[])>(count);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt64();
            var row = new float[classes];
            int n = reader.ReadByte();
            for (var j = 0; j < n; j++)
            {
                var cls = reader.ReadByte();
                row[cls] = (float)reader.ReadHalf();
            }

            features.Add((key, row));
        }

        return new LinearModel(classes, features);
    }
}

/// <summary>
/// Trains an averaged perceptron over a fixed feature index (features are counted first and rare ones dropped,
/// which bounds memory and prunes the model). Averaging uses Daumé's trick: avg = w - u / c.
/// </summary>
internal sealed class PerceptronTrainer(int classes, Dictionary<ulong, int> index)
{
    private readonly float[] w = new float[index.Count * classes];
    private readonly double[] u = new double[index.Count * classes];
    private long c = 1;

    public int Classes => classes;

    /// <summary>Builds the feature index from counted features, keeping those seen at least <paramref name="minCount"/> times.</summary>
    public static Dictionary<ulong, int> Index(Dictionary<ulong, int> counts, int minCount)
    {
        var index = new Dictionary<ulong, int>();
        foreach (var (key, n) in counts)
        {
            if (n >= minCount)
            {
                index[key] = index.Count;
            }
        }

        return index;
    }

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var key in features)
        {
            if (index.TryGetValue(key, out var row))
            {
                var r = w.AsSpan(row * classes, classes);
                for (var j = 0; j < classes; j++)
                {
                    scores[j] += r[j];
                }
            }
        }
    }

    /// <summary>One training instance seen: moves the averaging clock.</summary>
    public void Tick() => c++;

    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess)
        {
            return;
        }

        foreach (var key in features)
        {
            if (index.TryGetValue(key, out var row))
            {
                var b = row * classes;
                w[b + truth] += 1;
                u[b + truth] += c;
                w[b + guess] -= 1;
                u[b + guess] -= c;
            }
        }
    }

    /// <summary>The averaged weights; weights under <paramref name="minWeight"/> in magnitude are dropped, and features left empty.</summary>
    public LinearModel Build(float minWeight)
    {
        var features = new List<(ulong, float[])>();
        foreach (var (key, row) in index)
        {
            float[]? avg = null;
            for (var j = 0; j < classes; j++)
            {
                var i = (row * classes) + j;
                var value = (float)(w[i] - (u[i] / c));
                if (Math.Abs(value) >= minWeight)
                {
                    avg ??= new float[classes];
                    avg[j] = value;
                }
            }

            if (avg is not null)
            {
                features.Add((key, avg));
            }
        }

        return new LinearModel(classes, features);
    }
}
