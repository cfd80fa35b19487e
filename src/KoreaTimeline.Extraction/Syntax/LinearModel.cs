using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KoreaTimeline.Extraction.Syntax;

/// <summary>
/// The weights of a trained linear classifier: feature key to its class scores, in an open-addressing table
/// (linear probing, load factor at most 0.6) keyed by 32 bits of the feature hash (the few features of a model that
/// share them share a row, as in any hashed model). Narrow rows (the parser's three moves) sit in the table beside
/// their key, 16 bytes a slot, so a feature costs one cache line; wide rows (102 tags, 50 relations) are mostly zeros,
/// so their non-zero (class, weight) pairs sit packed in a second array the 8-byte slot points into. The features of an
/// instance are probed before any row is added, so that the cache misses overlap.
/// </summary>
internal sealed class LinearModel
{
    private const int MaxInline = 3;

    // Marks the last pair of a packed row.
    private const int Last = int.MinValue;

    private readonly float[] table;
    private readonly Entry[] entries;
    private readonly int stride;
    private readonly uint capacity;
    private readonly bool inline;

    // Where the home-slot reads go, so that the JIT keeps them.
    private static uint sink;

    private readonly record struct Entry(int Class, float Weight);

    public LinearModel(int classes, IReadOnlyList<(ulong Key, float[] Row)> features)
        : this(classes, Merge(classes, features))
    {
    }

    // Rows read from a model file: their keys are distinct 32-bit keys and none is all zeros.
    private LinearModel(int classes, IReadOnlyCollection<KeyValuePair<uint, float[]>> merged)
    {
        Classes = classes;
        inline = classes <= MaxInline;
        // One float holds the key, then the row (inline) or the index of the row's first pair.
        stride = inline ? classes + 1 : 2;
        capacity = (uint)Math.Max(16, (merged.Count * 5 / 3) + 1);
        table = new float[(long)capacity * stride > int.MaxValue ? throw new InvalidOperationException("model too large") : capacity * stride];
        var packed = new List<Entry>();
        foreach (var (key, row) in merged)
        {
            var slot = Slot(key);
            while (KeyAt(slot) != 0)
            {
                slot = Next(slot);
            }

            var at = slot * stride;
            Count++;
            Unsafe.As<float, uint>(ref table[at]) = key;
            if (inline)
            {
                row.CopyTo(table.AsSpan(at + 1, classes));
            }
            else
            {
                Unsafe.As<float, int>(ref table[at + 1]) = packed.Count;
                for (var j = 0; j < classes; j++)
                {
                    if (row[j] != 0)
                    {
                        packed.Add(new Entry(j, row[j]));
                    }
                }

                if (packed[^1].Class >= 0)
                {
                    packed[^1] = packed[^1] with { Class = packed[^1].Class | Last };
                }
            }
        }

        entries = [.. packed];
    }

    private static Dictionary<uint, float[]> Merge(int classes, IReadOnlyList<(ulong Key, float[] Row)> features)
    {
        var merged = new Dictionary<uint, float[]>(features.Count);
        foreach (var (key, row) in features)
        {
            if (!row.AsSpan(0, classes).ContainsAnyExcept(0f))
            {
                continue;
            }

            if (merged.TryGetValue(Short(key), out var existing))
            {
                for (var j = 0; j < classes; j++)
                {
                    existing[j] += row[j];
                }
            }
            else
            {
                merged[Short(key)] = row.AsSpan(0, classes).ToArray();
            }
        }

        return merged;
    }

    public int Classes { get; }

    /// <summary>The number of features with a weight.</summary>
    public int Count { get; }

    /// <summary>Bytes held by the table and the packed weights.</summary>
    public long Bytes => (table.Length * 4L) + (entries.Length * 8L);

    /// <summary>The 32 bits of a feature hash the table keys on (never 0, which marks an empty slot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Short(ulong key) => (uint)key is var k && k != 0 ? k : 1;

    // Multiply-shift maps the (remixed) key onto any capacity, not only powers of two.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(uint key) => (int)(((ulong)(key * 0x9E3779B1u) * capacity) >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Next(int slot) => slot + 1 == capacity ? 0 : slot + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint KeyAt(int slot) => Unsafe.As<float, uint>(ref table[slot * stride]);

    /// <summary>Sets <paramref name="scores"/> to the sum of the rows of the known <paramref name="features"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        // The weights are larger than the cache, so time goes to memory latency. Each phase issues loads that do
        // not depend on one another and no branch that could be mispredicted, which the CPU overlaps: read every
        // feature's home slot, then probe (now in cache), then (packed rows) touch every row, then add. One feature
        // after the other would wait for each miss in turn.
        Span<int> found = stackalloc int[features.Length];
        uint home = 0;
        foreach (var key in features)
        {
            home ^= KeyAt(Slot(Short(key)));
        }

        Volatile.Write(ref sink, home);
        var hits = 0;
        for (var j = 0; j < features.Length; j++)
        {
            var key = Short(features[j]);
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
            ref var t = ref MemoryMarshal.GetArrayDataReference(table);
            if (Classes == 3)
            {
                float a = 0, b = 0, c = 0;
                for (var j = 0; j < hits; j++)
                {
                    ref var row = ref Unsafe.Add(ref t, found[j] + 1);
                    a += row;
                    b += Unsafe.Add(ref row, 1);
                    c += Unsafe.Add(ref row, 2);
                }

                scores[0] = a;
                scores[1] = b;
                scores[2] = c;
                return;
            }

            for (var j = 0; j < hits; j++)
            {
                var row = table.AsSpan(found[j] + 1, Classes);
                for (var i = 0; i < row.Length; i++)
                {
                    scores[i] += row[i];
                }
            }

            return;
        }

        var touched = 0f;
        for (var j = 0; j < hits; j++)
        {
            touched += entries[Unsafe.As<float, int>(ref table[found[j] + 1])].Weight;
        }

        for (var j = 0; j < hits; j++)
        {
            var e = Unsafe.As<float, int>(ref table[found[j] + 1]);
            while (true)
            {
                var (cls, weight) = entries[e++];
                scores[cls & ~Last] += weight;
                if (cls < 0)
                {
                    break;
                }
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
            return table.AsSpan(at + 1, Classes).ToArray();
        }

        var row = new float[Classes];
        var e = Unsafe.As<float, int>(ref table[at + 1]);
        while (true)
        {
            var (cls, weight) = entries[e++];
            row[cls & ~Last] = weight;
            if (cls < 0)
            {
                break;
            }
        }

        return row;
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

    /// <summary>Writes the non-zero weights sparsely as half floats: 32-bit key, count, then (class, weight) pairs.</summary>
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
        var features = new List<KeyValuePair<uint, float[]>>(count);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt32();
            var row = new float[classes];
            int n = reader.ReadByte();
            for (var j = 0; j < n; j++)
            {
                var cls = reader.ReadByte();
                row[cls] = (float)reader.ReadHalf();
            }

            // A row whose weights all round to zero in half precision adds nothing.
            if (n > 0 && row.AsSpan().ContainsAnyExcept(0f))
            {
                features.Add(new(key, row));
            }
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
                var j = 0;
                for (; j <= classes - Vector<float>.Count; j += Vector<float>.Count)
                {
                    (Vector.Create<float>(scores[j..]) + Vector.Create<float>(r[j..])).CopyTo(scores[j..]);
                }

                for (; j < classes; j++)
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
