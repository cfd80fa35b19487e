using System.Runtime.CompilerServices;

namespace KoreaTimeline.Extraction.Syntax;

/// <summary>
/// 64-bit hashes for perceptron features. A feature is a template number mixed with up to three atom hashes
/// (a word, a suffix, a tag...), so the hot path builds feature keys from integers and never allocates a string.
/// </summary>
internal static class FeatureHash
{
    private const ulong Prime = 0x100000001b3UL;
    private const ulong Offset = 0xcbf29ce484222325UL;

    /// <summary>FNV-1a over the characters, lower-cased and with every digit read as 0 ("2024" and "1950" share a shape-like atom).</summary>
    public static ulong Normalized(ReadOnlySpan<char> s)
    {
        var h = Offset;
        foreach (var c in s)
        {
            var d = char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c);
            h = (h ^ d) * Prime;
        }

        return h;
    }

    /// <summary>FNV-1a over the characters as they are.</summary>
    public static ulong Exact(ReadOnlySpan<char> s)
    {
        var h = Offset;
        foreach (var c in s)
        {
            h = (h ^ c) * Prime;
        }

        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong template, ulong a)
    {
        var h = (template + 1) * 0x9E3779B97F4A7C15UL;
        h = (h ^ a) * 0xBF58476D1CE4E5B9UL;
        return Finish(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong template, ulong a, ulong b)
    {
        var h = (template + 1) * 0x9E3779B97F4A7C15UL;
        h = (h ^ a) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 29) ^ b) * 0x94D049BB133111EBUL;
        return Finish(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong template, ulong a, ulong b, ulong c)
    {
        var h = (template + 1) * 0x9E3779B97F4A7C15UL;
        h = (h ^ a) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 29) ^ b) * 0x94D049BB133111EBUL;
        h = (h ^ (h >> 31) ^ c) * 0xBF58476D1CE4E5B9UL;
        return Finish(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong template, ulong a, ulong b, ulong c, ulong d)
    {
        var h = (template + 1) * 0x9E3779B97F4A7C15UL;
        h = (h ^ a) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 29) ^ b) * 0x94D049BB133111EBUL;
        h = (h ^ (h >> 31) ^ c) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 29) ^ d) * 0x94D049BB133111EBUL;
        return Finish(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong h)
    {
        h ^= h >> 32;
        // 0 marks an empty slot in the weight table.
        return h == 0 ? 1 : h;
    }
}
