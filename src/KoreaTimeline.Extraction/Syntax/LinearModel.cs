using System.Numerics;
using System.Runtime.CompilerServices;

namespace KoreaTimeline.Extraction.Syntax;

/// <summary>
/// The weights of a trained linear classifier: feature key to its class scores, in an open-addressing table
/// (linear probing, load factor at most one half). Narrow rows (the parser's three moves) sit in the table beside their
/// key, so a feature costs one cache miss; wide rows (17 tags, 50 relations) are mostly zeros, so their non-zero
/// (class, weight) pairs sit packed in a second array the table points into. The features of an instance are
/// probed before any row is added, so that the cache misses overlap.
/// </summary>
internal sealed class LinearModel
{
    private const int MaxInline = 6;

    private readonly float[] table;
    private readonly Entry[] entries;
    private readonly int stride;
    private readonly uint capacity;
    private readonly bool inline;

    // Where the home-slot reads go, so that the JIT keeps them.
    private static ulong sink;

    private readonly record struct Entry(int Class, float Weight);

    public LinearModel(int classes, IReadOnlyList<(ulong Key, float[] Row)> features)
    {
        Classes = classes;
        inline = classes <= MaxInline;
        // Two floats hold the key, then the row (inline) or the first pair's index and the number of pairs.
        stride = inline ? classes + 2 : 4;
        capacity = (uint)Math.Max(16, (features.Count * 2) + 1);
        table = new float[(long)capacity * stride > int.MaxValue ? throw new InvalidOperationException("model too large") : capacity * stride];
        var packed = new List<Entry>();
        foreach (var (key, row) in features)
        {
            if (!row.AsSpan(0, classes).ContainsAnyExcept(0f))
            {
                continue;
            }

            var slot = Slot(key);
            while (KeyAt(slot) != 0 && KeyAt(slot) != key)
            {
                slot = Next(slot);
            }

            var at = slot * stride;
            Count++;
            Unsafe.As<float, ulong>(ref table[at]) = key;
            if (inline)
            {
                row.AsSpan(0, classes).CopyTo(table.AsSpan(at + 2, classes));
            }
            else
            {
                Unsafe.As<float, int>(ref table[at + 2]) = packed.Count;
                for (var j = 0; j < classes; j++)
                {
                    if (row[j] != 0)
                    {
                        packed.Add(new Entry(j, row[j]));
                    }
                }

                Unsafe.As<float, int>(ref table[at + 3]) = packed.Count - Unsafe.As<float, int>(ref table[at + 2]);
            }
        }

        entries = [.. packed];
    }

    public int Classes { get; }

    /// <summary>The number of features with a weight.</summary>
    public int Count { get; }

    /// <summary>Bytes held by the table and the packed weights.</summary>
    public long Bytes => (table.Length * 4L) + (entries.Length * 8L);

    // Multiply-shift maps the hash onto any capacity, not only powers of two.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong key) => (int)(((key >> 32) * capacity) >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Next(int slot) => slot + 1 == capacity ? 0 : slot + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong KeyAt(int slot) => Unsafe.As<float, ulong>(ref table[slot * stride]);

    /// <summary>Sets <paramref name="scores"/> to the sum of the rows of the known <paramref name="features"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        // The weights are far larger than the cache, so time goes to memory latency. Each phase issues loads that do
        // not depend on one another and no branch that could be mispredicted, which the CPU overlaps: read every
        // feature's home slot, then probe (now in cache), then (packed rows) touch every row, then add. One feature after the other would wait for each miss in turn.
        Span<int> found = stackalloc int[features.Length];
        ulong home = 0;
        foreach (var key in features)
        {
            home ^= KeyAt(Slot(key));
        }

        Volatile.Write(ref sink, home);
        var hits = 0;
        for (var j = 0; j < features.Length; j++)
        {
            var key = features[j];
            var slot = Slot(key);
            while (true)
            {
                var k = KeyAt(slot);
                if (k == key)
                {
                    found[hits++] = slot * stride;
                    break;
                }

                if (k == 0)
                {
                    break;
                }

                slot = Next(slot);
            }
        }

        scores.Clear();
        if (inline)
        {
            for (var j = 0; j < hits; j++)
            {
                Add(scores, table.AsSpan(found[j] + 2, Classes));
            }

            return;
        }

        var touched = 0f;
        for (var j = 0; j < hits; j++)
        {
            touched += entries[Unsafe.As<float, int>(ref table[found[j] + 2])].Weight;
        }

        for (var j = 0; j < hits; j++)
        {
            var at = found[j];
            foreach (var e in entries.AsSpan(Unsafe.As<float, int>(ref table[at + 2]), Unsafe.As<float, int>(ref table[at + 3])))
            {
                scores[e.Class] += e.Weight;
            }
        }

        // Keeps the touching loop from being optimised away; the sum is never NaN.
        if (float.IsNaN(touched))
        {
            scores[0] = float.NaN;
        }
    }

    /// <summary>The dense row of the feature in <paramref name="slot"/>.</summary>
    private float[] RowAt(int slot)
    {
        var at = slot * stride;
        if (inline)
        {
            return table.AsSpan(at + 2, Classes).ToArray();
        }

        var row = new float[Classes];
        foreach (var e in entries.AsSpan(Unsafe.As<float, int>(ref table[at + 2]), Unsafe.As<float, int>(ref table[at + 3])))
        {
            row[e.Class] = e.Weight;
        }

        return row;
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

    /// <summary>A copy without the weights under <paramref name="minWeight"/> in magnitude, nor the features left empty.</summary>
    public LinearModel Pruned(float minWeight)
    {
        var features = new List<(ulong, float[])>();
        for (var slot = 0; slot < capacity; slot++)
        {
            if (KeyAt(slot) == 0)
            {
                continue;
            }

            var row = RowAt(slot);
            var any = false;
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = Math.Abs(row[j]) < minWeight ? 0 : row[j];
                any |= row[j] != 0;
            }

            if (any)
            {
                features.Add((KeyAt(slot), row));
            }
        }

        return new LinearModel(Classes, features);
    }

    /// <summary>Writes the non-zero weights sparsely as half floats: key, count, then (class, weight) pairs.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes);
        writer.Write(Count);
        for (var slot = 0; slot < capacity; slot++)
        {
            if (KeyAt(slot) == 0)
            {
                continue;
            }

            var row = RowAt(slot);
            writer.Write(KeyAt(slot));
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
