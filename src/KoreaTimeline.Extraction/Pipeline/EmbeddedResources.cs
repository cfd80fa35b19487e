using System.Reflection;
using System.Text.Json;

namespace KoreaTimeline.Extraction.Pipeline;

/// <summary>Reads the rules and vocabularies embedded from the Resources folder.</summary>
internal static class EmbeddedResources
{
    private static readonly Assembly Assembly = typeof(EmbeddedResources).Assembly;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Opens <c>Resources/<paramref name="path"/></c>, e.g. <c>events/triggers.json</c>.</summary>
    public static Stream Open(string path)
    {
        var suffix = "Resources." + path;
        var name = Assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal) || n.EndsWith(suffix.Replace('/', '.'), StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded resource Resources/{path} is missing from {Assembly.GetName().Name}.");
        return Assembly.GetManifestResourceStream(name)!;
    }

    /// <summary>The paths (relative to Resources/) of the embedded files in <paramref name="folder"/>, e.g. <c>events/types</c>.</summary>
    public static IEnumerable<string> List(string folder)
    {
        foreach (var name in Assembly.GetManifestResourceNames())
        {
            var at = name.IndexOf("Resources.", StringComparison.Ordinal);
            var path = at < 0 ? null : name[(at + "Resources.".Length)..];
            if (path is not null && path.StartsWith(folder + "/", StringComparison.Ordinal))
            {
                yield return path;
            }
        }
    }

    public static T ReadJson<T>(string path)
    {
        using var stream = Open(path);
        return JsonSerializer.Deserialize<T>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"Embedded resource Resources/{path} is empty.");
    }
}
