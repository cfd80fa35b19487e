using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KoreaTimeline.Cli.Commands;

/// <summary>JSON as the extraction contract prints it: camelCase, readable quotes, nulls kept.</summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
    };

    public static JsonSerializerOptions Compact { get; } = new(Options) { WriteIndented = false };
}
